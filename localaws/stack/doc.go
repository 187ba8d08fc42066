// Package stack creates what a SAM/CloudFormation template declares against
// an AWS endpoint, the way CloudFormation would, by calling the real AWS SDK
// clients: SQS queues (redrive policies included, dead-letter queues first),
// SNS topics and subscriptions, KMS keys and aliases, and Step Functions
// state machines from DefinitionUri with their DefinitionSubstitutions. It
// resolves the functions' environment, HTTP API routes and SQS event source
// mappings so a host can run them, and resolves the template's Outputs.
//
// Local also assembles the whole local stack in one process: the AWS
// endpoint, the deployed template, the API function behind an API Gateway
// emulation and the callback function behind its event source mapping.
// cmd/local and the end-to-end tests share it.
//
// IAM roles and policies, log groups, alarms, Lambda permissions and API
// Gateway settings (throttling, access logs) are accepted and ignored:
// nothing enforces them locally.
package stack
