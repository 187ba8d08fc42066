# The two commands a newcomer needs are `make run` and `make test`; both need
# nothing but Go. Everything else here is for lint, benchmarks, Lambda builds
# and deploying with AWS SAM.

GO            ?= go
STATICCHECK   ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
LAMBDA_ENV    := GOOS=linux GOARCH=arm64 CGO_ENABLED=0
LAMBDA_FLAGS  := -tags lambda.norpc -trimpath -ldflags='-s -w'
BIN           := bin

.PHONY: run test lint fmt vet staticcheck cfn-lint asl-lint openapi-lint \
        bench smoke redrive build deploy clean

## run: the whole flow locally on the built-in AWS endpoint (127.0.0.1:4566, API on :3000)
run:
	$(GO) run ./cmd/local

## test: every test, unit to end to end, under the race detector, with only Go installed
test:
	$(GO) test -race -count=1 ./...

## lint: gofmt, go vet, staticcheck, and cfn-lint / asl-validator / redocly where installed
lint: fmt vet staticcheck cfn-lint asl-lint openapi-lint

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(STATICCHECK) ./...

cfn-lint:
	@if command -v cfn-lint >/dev/null 2>&1; then echo "cfn-lint template.yml"; cfn-lint template.yml; else echo "cfn-lint not installed: skipped"; fi

asl-lint:
	@if command -v asl-validator >/dev/null 2>&1; then asl-validator --json-path statemachine/payment.asl.json; else echo "asl-validator not installed: skipped (the Go tests validate the definition with localaws/asl)"; fi

openapi-lint:
	@if command -v redocly >/dev/null 2>&1; then redocly lint api/openapi.yaml; else echo "redocly not installed: skipped (the Go tests check the spec against the router)"; fi

## bench: micro benchmarks of the engine and emulators, then 10,000 orders through the whole flow
bench:
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./internal/... | grep -v /e2e)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 10000x ./internal/e2e/

## smoke: replay the original walkthrough with the AWS CLI against `make run`
smoke:
	bash scripts/smoke.sh

## redrive: move dead-lettered payments back to their queue (local stack; AWS=1 STACK=name for a deployed one)
redrive:
	bash scripts/redrive.sh

## build: both Lambda bootstraps for provided.al2023 on arm64
build: $(BIN)/api/bootstrap $(BIN)/callback/bootstrap

$(BIN)/%/bootstrap: FORCE
	$(LAMBDA_ENV) $(GO) build $(LAMBDA_FLAGS) -o $@ ./cmd/$*

FORCE:

## deploy: build with SAM and deploy, asking for the stack's settings the first time
deploy:
	sam build
	sam deploy --guided

clean:
	rm -rf $(BIN) .aws-sam
