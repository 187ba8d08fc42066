// Package templatecheck holds the tests that keep the service's AWS SAM
// template (template.yml) honest: runtime and architecture, partial batch
// responses, the queue's visibility timeout against the function's timeout,
// the dead-letter queue, state machine logging and tracing, least-privilege
// IAM, outputs, and that the state machine definition's ${...} placeholders
// are all substituted.
//
// It has no code of its own: the tests read the template with
// localaws/cfn's decoder (tests only, so the service never imports
// localaws). It does not deploy or resolve anything.
package templatecheck
