package apifunc

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/orders"
)

// Environment variables the API reads. The SAM template sets them.
const (
	// EnvStateMachineARN is the payment workflow's state machine ARN.
	EnvStateMachineARN = "STATE_MACHINE_ARN"
	// EnvCardKeyID is the KMS symmetric key (id, ARN or alias) that seals
	// cards.
	EnvCardKeyID = "CARD_KEY_ID"
	// EnvMACKeyID is the KMS HMAC_256 key (id, ARN or alias) that digests
	// orders for idempotency.
	EnvMACKeyID = "MAC_KEY_ID"
)

// Deps is what the API needs from the process that runs it.
type Deps struct {
	// AWS configures the SDK clients, endpoint included.
	AWS aws.Config
	// Getenv reads configuration, os.Getenv in production.
	Getenv func(string) string
	Logger *slog.Logger
	// Clock is read to refuse expired cards and to time requests.
	Clock clock.Clock
}

// New builds the API handler. It fails, naming every missing setting at
// once, rather than serving requests it could not complete.
func New(ctx context.Context, d Deps) (http.Handler, error) {
	if d.Getenv == nil || d.Logger == nil || d.Clock == nil {
		return nil, errors.New("apifunc: Getenv, Logger and Clock are required")
	}
	var missing []error
	get := func(name string) string {
		v := d.Getenv(name)
		if v == "" {
			missing = append(missing, fmt.Errorf("environment variable %s is not set", name))
		}
		return v
	}
	stateMachine, cardKey, macKey := get(EnvStateMachineARN), get(EnvCardKeyID), get(EnvMACKeyID)
	if err := errors.Join(missing...); err != nil {
		return nil, fmt.Errorf("apifunc: %w", err)
	}

	executions := sfn.NewFromConfig(d.AWS)
	keys := kms.NewFromConfig(d.AWS)
	validator := orders.NewValidator(d.Clock)
	svc, err := orders.NewService(orders.Config{
		StateMachineARN: stateMachine,
		CardKeyID:       cardKey,
		MACKeyID:        macKey,
		Starter:         executions,
		Describer:       executions,
		Sealer:          keys,
		Digester:        keys,
		Validator:       validator,
	})
	if err != nil {
		return nil, fmt.Errorf("apifunc: %w", err)
	}
	d.Logger.InfoContext(ctx, "order API configured", "stateMachineArn", stateMachine)
	return httpapi.NewHandler(httpapi.Config{Orders: svc, Validator: validator, Logger: d.Logger, Clock: d.Clock}), nil
}
