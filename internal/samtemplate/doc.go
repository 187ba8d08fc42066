// Package samtemplate reads the repository's AWS SAM template (template.yml)
// into plain Go values, turning CloudFormation's short-form tags (!Ref,
// !GetAtt, !Sub, ...) into their long form, so that tests can check the
// template's invariants: runtime and architecture, partial batch responses,
// visibility timeout against function timeout, the dead-letter queue, state
// machine logging and tracing, least-privilege IAM, outputs, and that the
// state machine definition's ${...} placeholders are all substituted.
//
// It is not a CloudFormation engine: it resolves nothing (see localaws/cfn
// for that) and only reads.
package samtemplate
