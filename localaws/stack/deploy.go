package stack

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws/cfn"
	"github.com/payflow-dev/payflow/localaws/gateway"
)

// DeployConfig describes one stack to create.
type DeployConfig struct {
	// TemplatePath is the template file; DefinitionUri paths are relative
	// to its directory.
	TemplatePath string
	Region       string
	AccountID    string
	StackName    string
	Parameters   map[string]string
	// AWS is the SDK configuration pointing at the endpoint to create the
	// resources on.
	AWS aws.Config
	// APIURL is where the HTTP API is served; outputs that name the API's
	// execute-api URL are rewritten to it.
	APIURL string
	Logger *slog.Logger
}

// Stack is a created stack.
type Stack struct {
	Name string
	// Outputs are the template's resolved Outputs, by name.
	Outputs map[string]Output
	// Functions are the template's functions, ready to host.
	Functions []Function
	// Resources lists every resource with its physical ID, in creation
	// order; Ignored ones were accepted but not created.
	Resources []Resource
}

// Output is one resolved template output.
type Output struct {
	Description string
	Value       string
}

// Resource is one resource of the stack.
type Resource struct {
	LogicalID  string
	Type       string
	PhysicalID string
	Ignored    bool
}

// deployer holds the state of one Deploy call.
type deployer struct {
	cfg DeployConfig
	dir string
	tpl *cfn.Template
	res *cfn.Resolver
	reg *registry
	sqs *sqs.Client
	sns *sns.Client
	kms *kms.Client
	sfn *sfn.Client
	// secrets creates AWS::SecretsManager::Secret resources.
	secrets *secretsmanager.Client
	// ddb creates AWS::DynamoDB::Table and AWS::Serverless::SimpleTable.
	ddb  *dynamodb.Client
	out  *Stack
	apis map[string]bool // logical IDs of HTTP APIs
	// integrations and authorizers of HTTP APIs, by physical ID, for the
	// routes that name them.
	integrations map[string]httpIntegration
	authorizers  map[string]gateway.JWTConfig
}

// Deploy reads the template and creates its resources in dependency order.
func Deploy(ctx context.Context, cfg DeployConfig) (*Stack, error) {
	data, err := os.ReadFile(cfg.TemplatePath)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	tpl, err := cfn.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("deploy %s: %w", cfg.TemplatePath, err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	d := &deployer{
		cfg: cfg, dir: filepath.Dir(cfg.TemplatePath), tpl: tpl, reg: newRegistry(),
		sqs: sqs.NewFromConfig(cfg.AWS), sns: sns.NewFromConfig(cfg.AWS),
		kms: kms.NewFromConfig(cfg.AWS), sfn: sfn.NewFromConfig(cfg.AWS),
		secrets: secretsmanager.NewFromConfig(cfg.AWS), ddb: dynamodb.NewFromConfig(cfg.AWS),
		out:  &Stack{Name: cfg.StackName, Outputs: map[string]Output{}},
		apis: map[string]bool{},

		integrations: map[string]httpIntegration{},
		authorizers:  map[string]gateway.JWTConfig{},
	}
	pseudo := cfn.Pseudo{Region: cfg.Region, AccountID: cfg.AccountID, StackName: cfg.StackName}
	if d.res, err = cfn.NewResolver(tpl, pseudo, cfg.Parameters, d.reg); err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	d.registerImplicit()
	order, err := tpl.Order()
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	for _, id := range order {
		r := tpl.Resources[id]
		if r.Condition != "" {
			ok, err := d.res.Condition(r.Condition)
			if err != nil {
				return nil, fmt.Errorf("deploy %s: %w", id, err)
			}
			if !ok {
				continue
			}
		}
		if err := d.create(ctx, id, r); err != nil {
			return nil, fmt.Errorf("deploy %s (%s): %w", id, r.Type, err)
		}
	}
	if err := d.resolveOutputs(); err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	return d.out, nil
}

// create creates one resource and records its Ref and attributes.
func (d *deployer) create(ctx context.Context, id string, r cfn.Resource) error {
	props, err := d.res.Resolve(r.Properties)
	if err != nil {
		return err
	}
	p, _ := props.(map[string]any)
	if p == nil {
		p = map[string]any{}
	}
	var c created
	switch r.Type {
	case "AWS::SQS::Queue":
		c, err = d.createQueue(ctx, id, p)
	case "AWS::SNS::Topic":
		c, err = d.createTopic(ctx, id, p)
	case "AWS::SNS::Subscription":
		c, err = d.createSubscription(ctx, p)
	case "AWS::SQS::QueuePolicy":
		c, err = d.createQueuePolicy(ctx, id, p)
	case "AWS::SNS::TopicPolicy":
		c, err = d.createTopicPolicy(ctx, id, p)
	case "AWS::KMS::Key":
		c, err = d.createKey(ctx, p)
	case "AWS::KMS::Alias":
		c, err = d.createAlias(ctx, p)
	case "AWS::SecretsManager::Secret":
		c, err = d.createSecret(ctx, id, p)
	case "AWS::DynamoDB::Table":
		c, err = d.createTable(ctx, id, p)
	case "AWS::Serverless::SimpleTable":
		c, err = d.createSimpleTable(ctx, id, p)
	case "AWS::DynamoDB::GlobalTable":
		err = fmt.Errorf("the local DynamoDB does not emulate global tables; declare an AWS::DynamoDB::Table for local runs")
	case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine":
		c, err = d.createStateMachine(ctx, id, r.Type, p)
	case "AWS::Serverless::Function", "AWS::Lambda::Function":
		c, err = d.addFunction(ctx, id, r.Type, p)
	case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api":
		c = d.httpAPI(id)
	case "AWS::ApiGatewayV2::Integration":
		c, err = d.addIntegration(id, p)
	case "AWS::ApiGatewayV2::Authorizer":
		c, err = d.addAuthorizer(id, p)
	case "AWS::ApiGatewayV2::Route":
		c, err = d.addRoute(p)
	default:
		c = d.ignored(id, r.Type, p)
	}
	if err != nil {
		return err
	}
	c.typ = r.Type
	d.reg.put(id, c)
	d.out.Resources = append(d.out.Resources, Resource{
		LogicalID: id, Type: r.Type, PhysicalID: c.ref, Ignored: isIgnored(r.Type),
	})
	d.cfg.Logger.Debug("created", "logicalId", id, "type", r.Type, "physicalId", c.ref)
	return nil
}

// physicalName is the name CloudFormation would generate, without its
// random suffix so that names stay stable between runs.
func (d *deployer) physicalName(id string) string {
	return d.cfg.StackName + "-" + id
}

func isIgnored(typ string) bool {
	switch typ {
	case "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::SNS::Subscription", "AWS::KMS::Key", "AWS::KMS::Alias",
		"AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::SecretsManager::Secret",
		"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable",
		"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine", "AWS::Serverless::Function",
		"AWS::Lambda::Function", "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api",
		"AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Route":
		return false
	}
	return true
}
