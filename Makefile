# The two commands a newcomer needs are `make run` and `make test`; both need
# nothing but Go. Everything else here is for lint, benchmarks, Lambda builds
# and deploying with AWS SAM.

GO            ?= go
STATICCHECK   ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
LAMBDA_ENV    := GOOS=linux GOARCH=arm64 CGO_ENABLED=0
LAMBDA_FLAGS  := -tags lambda.norpc -trimpath -ldflags='-s -w'
BIN           := bin

.PHONY: help run test lint fmt vet staticcheck cfn-lint asl-lint openapi-lint \
        bench smoke redrive build deploy clean conformance build-ApiFunction build-CallbackFunction

## help: this list, from the Makefile's ## comments
help:
	@awk '/^## [a-z-]+:/ { sub(/^## /, ""); split($$0, a, ": "); printf "  make %-12s %s\n", a[1], substr($$0, length(a[1]) + 3); next } \
	     /^## / { sub(/^## /, ""); printf "  %-17s %s\n", "", $$0 }' $(MAKEFILE_LIST)

## run: the whole flow locally on the built-in AWS endpoint (127.0.0.1:4566, API on :3000); flags via ARGS, e.g. ARGS='-param AuthMode=NONE'
## PROCESSOR=stripe runs the Stripe adapter against a local stripe-mock instead of the simulator
run:
	@echo "make run: building cmd/local (the first build takes a minute; later ones are cached)..."
	@$(GO) build -o $(BIN)/local ./cmd/local
	@$(BIN)/local $(if $(PROCESSOR),-processor $(PROCESSOR)) $(ARGS)

## test: every test, unit to end to end, with only Go installed; under the race detector when cgo and a C compiler are there
# The race detector needs cgo. Without a C compiler (or with CGO_ENABLED=0)
# make test runs the same tests without -race and says so. TEST_TIMEOUT
# bounds each package's test binary, well under CI's 90 minutes, so a hang
# fails with a stack dump instead of waiting for the CI limit.
TEST_TIMEOUT ?= 15m
RACE = $(shell [ "$$($(GO) env CGO_ENABLED)" = 1 ] && command -v "$$($(GO) env CC)" >/dev/null 2>&1 && echo -race)
test:
	@if [ -z "$(RACE)" ]; then echo "make test: cgo is off or no C compiler ($$($(GO) env CC)) was found, so the tests run without -race"; fi
	$(GO) test $(RACE) -count=1 -timeout $(TEST_TIMEOUT) ./...

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

## conformance: JSONata against the reference implementation (npm jsonata 2.0.6, where Node is installed), then the ASL fixtures
conformance:
	GO=$(GO) bash scripts/conformance.sh

## bench: the engine's single-core figure (-cpu 1), engine and emulator benchmarks, 10,000 orders through the whole flow; prints each figure next to its target
bench:
	GO=$(GO) bash scripts/bench.sh

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

# What `sam build` runs for each function (BuildMethod: makefile), with the
# same flags as the bootstraps above; SAM sets ARTIFACTS_DIR.
build-ApiFunction:
	$(LAMBDA_ENV) $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./cmd/api

build-CallbackFunction:
	$(LAMBDA_ENV) $(GO) build $(LAMBDA_FLAGS) -o $(ARTIFACTS_DIR)/bootstrap ./cmd/callback

FORCE:

## deploy: build with SAM and deploy, asking for the stack's settings the first time
deploy:
	@command -v sam >/dev/null 2>&1 || { echo "make deploy needs the AWS SAM CLI: see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html (for example: pip install aws-sam-cli, or brew install aws-sam-cli)"; exit 1; }
	sam build
	sam deploy --guided

clean:
	rm -rf $(BIN) .aws-sam
