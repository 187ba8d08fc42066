// Package sfnlocal is a local AWS Step Functions endpoint: it speaks the
// service's AWS JSON 1.0 wire protocol (X-Amz-Target: AWSStepFunctions.<Op>)
// so that the AWS SDKs and the AWS CLI work against it unchanged.
//
// It owns the registry of state machines, their revisions, versions,
// aliases and tags, activities (with GetActivityTask for their workers),
// and executions: ARNs, name rules, idempotent
// starts, execution histories, pagination and AWS's error types. Express
// workflows run too (StartSyncExecution, or StartExecution in the
// background), but their executions are not kept, as on AWS. Each region
// a request is signed for has its own registry, and ARNs carry that region
// and its partition. Running a state machine is not its business: it hands
// every execution (and TestState's single state) to the ASL engine in
// localaws/asl and records what the engine reports.
//
// It is not an IAM, CloudWatch Logs or KMS emulator;
// roles, logging, tracing and encryption settings are accepted and echoed,
// never enforced. RedriveExecution resumes failed, timed-out and aborted
// executions through the engine; map runs are refused.
package sfnlocal
