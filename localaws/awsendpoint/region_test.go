package awsendpoint_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// regionalService creates one resource through a client signed for a
// region and lists what that region holds, each by its ARN.
type regionalService struct {
	name   string
	create func(ctx context.Context, cfg aws.Config) (arn string, err error)
	list   func(ctx context.Context, cfg aws.Config) (arns []string, err error)
}

func regionalServices() []regionalService {
	return []regionalService{
		{
			name: "sqs",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				c := sqs.NewFromConfig(cfg)
				q, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders")})
				if err != nil {
					return "", err
				}
				a, err := c.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
					QueueUrl: q.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn},
				})
				if err != nil {
					return "", err
				}
				return a.Attributes["QueueArn"], nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := sqs.NewFromConfig(cfg).ListQueues(ctx, &sqs.ListQueuesInput{})
				if err != nil {
					return nil, err
				}
				return out.QueueUrls, nil
			},
		},
		{
			name: "states",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				out, err := sfn.NewFromConfig(cfg).CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
					Name: aws.String("flow"), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
					Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`),
				})
				if err != nil {
					return "", err
				}
				return aws.ToString(out.StateMachineArn), nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := sfn.NewFromConfig(cfg).ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
				if err != nil {
					return nil, err
				}
				var arns []string
				for _, m := range out.StateMachines {
					arns = append(arns, aws.ToString(m.StateMachineArn))
				}
				return arns, nil
			},
		},
		{
			name: "kms",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				out, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
				if err != nil {
					return "", err
				}
				return aws.ToString(out.KeyMetadata.Arn), nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := kms.NewFromConfig(cfg).ListKeys(ctx, &kms.ListKeysInput{})
				if err != nil {
					return nil, err
				}
				var arns []string
				for _, k := range out.Keys {
					arns = append(arns, aws.ToString(k.KeyArn))
				}
				return arns, nil
			},
		},
		{
			name: "sns",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				out, err := sns.NewFromConfig(cfg).CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
				if err != nil {
					return "", err
				}
				return aws.ToString(out.TopicArn), nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := sns.NewFromConfig(cfg).ListTopics(ctx, &sns.ListTopicsInput{})
				if err != nil {
					return nil, err
				}
				var arns []string
				for _, t := range out.Topics {
					arns = append(arns, aws.ToString(t.TopicArn))
				}
				return arns, nil
			},
		},
		{
			name: "secretsmanager",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				out, err := secretsmanager.NewFromConfig(cfg).CreateSecret(ctx, &secretsmanager.CreateSecretInput{
					Name: aws.String("stripe/api-key"), SecretString: aws.String("sk_test_x"),
				})
				if err != nil {
					return "", err
				}
				return aws.ToString(out.ARN), nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := secretsmanager.NewFromConfig(cfg).ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
				if err != nil {
					return nil, err
				}
				var arns []string
				for _, e := range out.SecretList {
					arns = append(arns, aws.ToString(e.ARN))
				}
				return arns, nil
			},
		},
		{
			name: "dynamodb",
			create: func(ctx context.Context, cfg aws.Config) (string, error) {
				out, err := dynamodb.NewFromConfig(cfg).CreateTable(ctx, &dynamodb.CreateTableInput{
					TableName:            aws.String("orders"),
					BillingMode:          ddbtypes.BillingModePayPerRequest,
					AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
					KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: ddbtypes.KeyTypeHash}},
				})
				if err != nil {
					return "", err
				}
				return aws.ToString(out.TableDescription.TableArn), nil
			},
			list: func(ctx context.Context, cfg aws.Config) ([]string, error) {
				out, err := dynamodb.NewFromConfig(cfg).ListTables(ctx, &dynamodb.ListTablesInput{})
				if err != nil {
					return nil, err
				}
				return out.TableNames, nil
			},
		},
	}
}

// TestResourcesArePerRegion checks issue 14's regions end to end through
// the router, for every service the endpoint serves: a resource created by a client signed for one region carries
// that region and its partition in its ARN, and another region does not
// see it.
func TestResourcesArePerRegion(t *testing.T) {
	t.Parallel()
	for _, svc := range regionalServices() {
		t.Run(svc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
			t.Cleanup(srv.Close)
			in := func(region string) aws.Config {
				return aws.Config{
					Region: region, BaseEndpoint: aws.String(srv.URL),
					Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
				}
			}
			for region, prefix := range map[string]string{"eu-west-1": "arn:aws:", "cn-north-1": "arn:aws-cn:"} {
				arn, err := svc.create(ctx, in(region))
				if err != nil {
					t.Fatalf("create in %s: %v", region, err)
				}
				if !strings.HasPrefix(arn, prefix) || !strings.Contains(arn, ":"+region+":") {
					t.Errorf("created in %s: ARN %s, want %s…:%s:…", region, arn, prefix, region)
				}
			}
			for _, region := range []string{"eu-west-1", "us-east-1"} {
				got, err := svc.list(ctx, in(region))
				if err != nil {
					t.Fatalf("list in %s: %v", region, err)
				}
				if want := region == "eu-west-1"; (len(got) == 1) != want || len(got) > 1 {
					t.Errorf("%s lists %v; want exactly the resource created there (%v)", region, got, want)
				}
				if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "cn-north-1") }) {
					t.Errorf("%s lists the cn-north-1 resource: %v", region, got)
				}
			}
		})
	}
}
