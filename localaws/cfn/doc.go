// Package cfn reads a CloudFormation or SAM template (YAML or JSON) and
// evaluates its intrinsic functions the way CloudFormation does when it
// creates a stack: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split,
// Fn::If and the condition functions, Fn::FindInMap, Fn::Base64, the pseudo
// parameters and the template's Parameters with their defaults. SAM
// Globals are merged into the resources they apply to.
//
// It is for the local stack, which needs the template's resources in
// dependency order with their properties resolved to local ARNs and URLs.
// It is not a CloudFormation validator and does not know resource schemas:
// what a property means is up to the caller. Fn::GetAZs, Fn::ImportValue and
// Fn::Cidr are refused with a clear error.
package cfn
