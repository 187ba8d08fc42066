// Package sfnlocal is a local AWS Step Functions endpoint: it speaks the
// service's AWS JSON 1.0 wire protocol (X-Amz-Target: AWSStepFunctions.<Op>)
// so that the AWS SDKs and the AWS CLI work against it unchanged.
//
// It owns the registry of state machines and executions, their ARNs, name
// rules, idempotent starts, execution histories, pagination and AWS's error
// types. Running a state machine is not its business: it hands every
// execution to the ASL engine in localaws/asl and records what the engine
// reports. It is not an IAM, CloudWatch Logs or Express workflow emulator;
// roles, logging and tracing settings are accepted and echoed, never
// enforced.
package sfnlocal
