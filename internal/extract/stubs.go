package extract

func (d *doc) dates(a *Article, p page, l layout, opts Options) {}
func (d *doc) documents(a *Article)                             {}
