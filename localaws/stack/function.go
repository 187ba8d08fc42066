package stack

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws/gateway"
)

// Function is a function of the template, resolved and ready to host.
type Function struct {
	LogicalID string
	Name      string
	ARN       string
	// CodeURI is the function's CodeUri as written (for example "cmd/api"),
	// which tells a host which code to run.
	CodeURI string
	Timeout time.Duration
	// Env is Environment.Variables, resolved.
	Env map[string]string
	// Routes are the HttpApi events' routes.
	Routes []gateway.Route
	// Queues are the SQS events: the event source mappings.
	Queues []QueueEvent
}

// QueueEvent is an SQS event source mapping of a function.
type QueueEvent struct {
	QueueARN string
	QueueURL string
	// BatchSize defaults to 10, as in Lambda.
	BatchSize               int
	BatchingWindow          time.Duration
	ReportBatchItemFailures bool
	// MaximumConcurrency is ScalingConfig.MaximumConcurrency (0 if unset).
	MaximumConcurrency int
}

// addFunction records a function; creating it means hosting it, which is
// the caller's job.
func (d *deployer) addFunction(ctx context.Context, id, typ string, p map[string]any) (created, error) {
	name, err := stringProp(p, "FunctionName")
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
	}
	f := Function{
		LogicalID: id, Name: name,
		ARN: fmt.Sprintf("arn:aws:lambda:%s:%s:function:%s", d.cfg.Region, d.cfg.AccountID, name),
		Env: map[string]string{},
	}
	if f.CodeURI, err = stringProp(p, "CodeUri"); err != nil {
		return created{}, err
	}
	f.CodeURI = strings.TrimSuffix(strings.TrimPrefix(f.CodeURI, "./"), "/")
	timeout, err := intProp(p, "Timeout", 3)
	if err != nil {
		return created{}, err
	}
	f.Timeout = time.Duration(timeout) * time.Second
	env, _ := p["Environment"].(map[string]any)
	vars, _ := env["Variables"].(map[string]any)
	for k, v := range vars {
		if f.Env[k], err = str(v); err != nil {
			return created{}, fmt.Errorf("environment variable %s: %w", k, err)
		}
	}
	events, _ := p["Events"].(map[string]any)
	names := make([]string, 0, len(events))
	for n := range events {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ev, _ := events[n].(map[string]any)
		if err := d.addEvent(ctx, &f, ev); err != nil {
			return created{}, fmt.Errorf("event %s: %w", n, err)
		}
	}
	if typ == "AWS::Lambda::Function" && f.CodeURI == "" {
		f.CodeURI = name
	}
	d.out.Functions = append(d.out.Functions, f)
	return created{ref: name, attrs: map[string]any{"Arn": f.ARN}}, nil
}

func (d *deployer) addEvent(ctx context.Context, f *Function, ev map[string]any) error {
	typ, _ := ev["Type"].(string)
	p, _ := ev["Properties"].(map[string]any)
	if p == nil {
		p = map[string]any{}
	}
	switch typ {
	case "HttpApi":
		path, err := stringProp(p, "Path")
		if err != nil {
			return err
		}
		method, err := stringProp(p, "Method")
		if err != nil {
			return err
		}
		if path == "" {
			path = "$default"
		}
		if method == "" {
			method = "ANY"
		}
		f.Routes = append(f.Routes, gateway.Route{Method: strings.ToUpper(method), Path: path})
	case "SQS":
		q, err := d.queueEvent(ctx, p)
		if err != nil {
			return err
		}
		if enabled, ok := p["Enabled"].(bool); ok && !enabled {
			return nil
		}
		f.Queues = append(f.Queues, q)
	default:
		d.cfg.Logger.Warn("event type not run locally", "function", f.LogicalID, "type", typ)
	}
	return nil
}

func (d *deployer) queueEvent(ctx context.Context, p map[string]any) (QueueEvent, error) {
	arn, err := stringProp(p, "Queue")
	if err != nil {
		return QueueEvent{}, err
	}
	name := arn[strings.LastIndexByte(arn, ':')+1:]
	q := QueueEvent{QueueARN: arn}
	if q.BatchSize, err = intProp(p, "BatchSize", 10); err != nil {
		return QueueEvent{}, err
	}
	window, err := intProp(p, "MaximumBatchingWindowInSeconds", 0)
	if err != nil {
		return QueueEvent{}, err
	}
	q.BatchingWindow = time.Duration(window) * time.Second
	types, _ := p["FunctionResponseTypes"].([]any)
	for _, t := range types {
		if t == "ReportBatchItemFailures" {
			q.ReportBatchItemFailures = true
		}
	}
	if sc, ok := p["ScalingConfig"].(map[string]any); ok {
		if q.MaximumConcurrency, err = intProp(sc, "MaximumConcurrency", 0); err != nil {
			return QueueEvent{}, err
		}
	}
	out, err := d.sqs.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String(name)})
	if err != nil {
		return QueueEvent{}, fmt.Errorf("queue %s: %w", arn, err)
	}
	q.QueueURL = aws.ToString(out.QueueUrl)
	return q, nil
}
