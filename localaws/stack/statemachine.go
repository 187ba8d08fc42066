package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"gopkg.in/yaml.v3"
)

// createStateMachine creates an AWS::Serverless::StateMachine (Definition
// or DefinitionUri) or an AWS::StepFunctions::StateMachine (Definition or
// DefinitionString), applying DefinitionSubstitutions as SAM does.
func (d *deployer) createStateMachine(ctx context.Context, id, typ string, p map[string]any) (created, error) {
	def, err := d.definition(p)
	if err != nil {
		return created{}, err
	}
	subs, _ := p["DefinitionSubstitutions"].(map[string]any)
	if def, err = substitute(def, subs); err != nil {
		return created{}, err
	}
	nameKey, typeKey, roleKey := "Name", "Type", "Role"
	if typ == "AWS::StepFunctions::StateMachine" {
		nameKey, typeKey, roleKey = "StateMachineName", "StateMachineType", "RoleArn"
	}
	name, err := stringProp(p, nameKey)
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
	}
	role, err := stringProp(p, roleKey)
	if err != nil {
		return created{}, err
	}
	if role == "" {
		// SAM creates a role from Policies; locally nothing checks it.
		role = fmt.Sprintf("arn:aws:iam::%s:role/%s-%sRole", d.cfg.AccountID, d.cfg.StackName, id)
	}
	smType, err := stringProp(p, typeKey)
	if err != nil {
		return created{}, err
	}
	in := &sfn.CreateStateMachineInput{Name: aws.String(name), Definition: aws.String(def), RoleArn: aws.String(role)}
	if smType != "" {
		in.Type = types.StateMachineType(smType)
	}
	out, err := d.sfn.CreateStateMachine(ctx, in)
	if err != nil {
		return created{}, fmt.Errorf("create state machine %s: %w", name, err)
	}
	arn := aws.ToString(out.StateMachineArn)
	return created{ref: arn, attrs: map[string]any{"Arn": arn, "Name": name}}, nil
}

// definition returns the state machine definition as JSON text.
func (d *deployer) definition(p map[string]any) (string, error) {
	if s, ok := p["DefinitionString"].(string); ok {
		return s, nil
	}
	if m, ok := p["Definition"].(map[string]any); ok {
		b, err := json.Marshal(m)
		return string(b), err
	}
	uri, ok := p["DefinitionUri"].(string)
	if !ok {
		return "", fmt.Errorf("no Definition, DefinitionString or local DefinitionUri (S3 locations are not supported locally)")
	}
	path := uri
	if !filepath.IsAbs(path) {
		path = filepath.Join(d.dir, uri)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("DefinitionUri: %w", err)
	}
	if ext := filepath.Ext(path); ext == ".yaml" || ext == ".yml" {
		var v any
		if err := yaml.Unmarshal(b, &v); err != nil {
			return "", fmt.Errorf("DefinitionUri %s: %w", uri, err)
		}
		if b, err = json.Marshal(v); err != nil {
			return "", fmt.Errorf("DefinitionUri %s: %w", uri, err)
		}
	}
	return string(b), nil
}

// substitute replaces each ${Name} of subs in the definition text, and
// refuses a definition that still names a substitution nobody defined.
func substitute(def string, subs map[string]any) (string, error) {
	keys := make([]string, 0, len(subs))
	for k := range subs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		v, err := str(subs[k])
		if err != nil {
			return "", fmt.Errorf("DefinitionSubstitutions %s: %w", k, err)
		}
		pairs = append(pairs, "${"+k+"}", v)
	}
	out := strings.NewReplacer(pairs...).Replace(def)
	if i := strings.Index(out, "${"); i >= 0 {
		end := strings.IndexByte(out[i:], '}')
		if end > 0 && isIdentifier(out[i+2:i+end]) {
			return "", fmt.Errorf("definition refers to ${%s}, which DefinitionSubstitutions does not define", out[i+2:i+end])
		}
	}
	return out, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
