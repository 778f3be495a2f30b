.PHONY: build test test-sqlite test-postgres bench demo lint

build:
	go build -o plenum ./cmd/plenum

# The whole suite on SQLite and PostgreSQL, as of other days, under the race
# detector, then fuzzing (see scripts/test).
test:
	scripts/test

test-sqlite:
	PLENUM_TEST_ENGINES=sqlite PLENUM_FUZZTIME=0 PLENUM_TEST_PASSES= scripts/test

test-postgres:
	PLENUM_TEST_ENGINES=postgres PLENUM_FUZZTIME=0 PLENUM_TEST_PASSES= scripts/test

bench:
	go test -run='^$$' -bench=. -benchmem -cpu 1 ./...

demo:
	go run ./cmd/plenum serve --demo

lint:
	gofmt -l . && go vet ./...
