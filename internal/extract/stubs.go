package extract

func (d *doc) dates(a *Article, p page, l layout, opts Options)     {}
func (d *doc) meetingDetails(a *Article, mt *Meeting, m *meetingAt) {}
func (d *doc) documents(a *Article)                                 {}
func (d *doc) figures(a *Article)                                   {}
