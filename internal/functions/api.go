package functions

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/internal/awsadapter"
	"github.com/payflow-dev/payflow/internal/awscall"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/orders"
)

// Environment variables the API reads, besides LOG_LEVEL. The SAM template
// sets them; all but VAULT_TTL_SECONDS are required.
const (
	// EnvStateMachineARN is the payment workflow's state machine ARN.
	EnvStateMachineARN = "STATE_MACHINE_ARN"
	// EnvCardKeyID is the KMS symmetric key (id, ARN or alias) that seals
	// cards.
	EnvCardKeyID = "CARD_KEY_ID"
	// EnvMACKeyID is the KMS HMAC_256 key (id, ARN or alias) that digests
	// orders for idempotency.
	EnvMACKeyID = "MAC_KEY_ID"
	// EnvVaultTable is the DynamoDB table of the card vault (both
	// functions).
	EnvVaultTable = "VAULT_TABLE"
	// EnvVaultTTLSeconds is how long a sealed card may stay in the vault
	// (optional; default orders.DefaultVaultTTL, the task timeout plus a
	// margin).
	EnvVaultTTLSeconds = "VAULT_TTL_SECONDS"
	// EnvRequestBudget optionally bounds each request, AWS calls and
	// retries included, as a Go duration ("6s"); the default is
	// httpapi.DefaultRequestBudget.
	EnvRequestBudget = "REQUEST_BUDGET"
	// EnvAttemptTimeout optionally bounds each HTTP attempt of an AWS
	// call ("2s"); the default is awscall.DefaultAttemptTimeout.
	EnvAttemptTimeout = "AWS_ATTEMPT_TIMEOUT"
)

// API builds the order API handler. It fails, naming every bad setting at
// once, rather than serving requests it could not complete. It makes no
// AWS call.
func API(ctx context.Context, d Deps) (http.Handler, error) {
	e, err := newEnv(d)
	if err != nil {
		return nil, err
	}
	stateMachine, cardKey, macKey := e.required(EnvStateMachineARN), e.required(EnvCardKeyID), e.required(EnvMACKeyID)
	e.check(EnvStateMachineARN, unresolvedLogicalID(stateMachine))
	e.check(EnvCardKeyID, unresolvedLogicalID(cardKey))
	e.check(EnvMACKeyID, unresolvedLogicalID(macKey))
	vaultTable := e.required(EnvVaultTable)
	vaultTTL := e.whole(EnvVaultTTLSeconds, orders.DefaultVaultTTL, time.Second, 60, 86_400)
	logger := e.logger(d.Logger)
	budget, attempt := e.duration(EnvRequestBudget), e.duration(EnvAttemptTimeout)
	awsCfg := awscall.Configure(d.AWS, awscall.Options{AttemptTimeout: attempt})
	executions := sfn.NewFromConfig(awsCfg)
	var workflows *awsadapter.Workflows
	if stateMachine != "" {
		workflows, err = awsadapter.NewWorkflows(executions, stateMachine)
		e.check(EnvStateMachineARN, err)
	}
	if err := e.err(); err != nil {
		return nil, fmt.Errorf("order API configuration: %w", err)
	}
	keys := kms.NewFromConfig(awsCfg)
	validator := orders.NewValidator(d.Clock)
	svc, err := orders.NewService(orders.Config{
		Workflows: workflows,
		Sealer:    awsadapter.NewCardKey(keys, cardKey),
		Digester:  awsadapter.NewOrderMAC(keys, macKey),
		Vault:     awsadapter.NewVault(dynamodb.NewFromConfig(d.AWS), vaultTable),
		Validator: validator,
		Clock:     d.Clock,
		VaultTTL:  vaultTTL,
	})
	if err != nil {
		return nil, fmt.Errorf("order API: %w", err)
	}
	ready(ctx, logger, "order API ready", "stateMachineArn", stateMachine)
	h := httpapi.NewHandler(httpapi.Config{
		Orders: svc, Validator: validator, Logger: logger, Clock: d.Clock, RequestBudget: budget,
	})
	return countOrders(h, d.recorder()), nil
}

// duration reads an optional positive Go duration ("6s"); unset is zero.
func (e *env) duration(name string) time.Duration {
	s := e.optional(name, "")
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		e.check(name, fmt.Errorf("%q is not a positive duration such as 6s", s))
		return 0
	}
	return d
}

// unresolvedLogicalID refuses a value that is a bare template logical id
// ("PaymentStateMachine"): what `sam local start-api` and `sam local
// invoke` put in a variable set with !Ref or !GetAtt, since they create no
// resources. ARNs, key ids (with dashes) and aliases ("alias/...") pass.
func unresolvedLogicalID(v string) error {
	if v == "" || !isLogicalID(v) {
		return nil
	}
	return fmt.Errorf("%q is a template logical id, not a resolved ARN or key id: sam local does not resolve !Ref or !GetAtt; "+
		"pass real values with --env-vars env.json (go run ./cmd/local -env-json env.json writes one for the local stack)", v)
}

// isLogicalID reports whether s has the shape of a CloudFormation logical
// id: a letter, then letters and digits only.
func isLogicalID(s string) bool {
	for i, c := range s {
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}
