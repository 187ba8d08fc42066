package stack

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// registerImplicit registers the resources SAM creates without the
// template declaring them, so that references to them resolve: the
// implicit HTTP API (ServerlessHttpApi) and each function's role.
func (d *deployer) registerImplicit() {
	d.reg.put("ServerlessHttpApi", d.httpAPI("ServerlessHttpApi"))
	for id, r := range d.tpl.Resources {
		if r.Type != "AWS::Serverless::Function" && r.Type != "AWS::Serverless::StateMachine" {
			continue
		}
		role := id + "Role"
		if _, declared := d.tpl.Resources[role]; declared {
			continue
		}
		name := d.physicalName(role)
		d.reg.put(role, created{typ: "AWS::IAM::Role", ref: name, attrs: map[string]any{
			"Arn": fmt.Sprintf("arn:aws:iam::%s:role/%s", d.cfg.AccountID, name),
		}})
	}
}

// httpAPI records an HTTP API. Its ID is derived from the stack and
// logical ID so it stays the same from run to run.
func (d *deployer) httpAPI(id string) created {
	h := fnv.New64a()
	h.Write([]byte(d.cfg.StackName + "/" + id))
	apiID := strconv.FormatUint(h.Sum64(), 36)
	if len(apiID) > 10 {
		apiID = apiID[:10]
	}
	d.apis[apiID] = true
	endpoint := fmt.Sprintf("https://%s.execute-api.%s.amazonaws.com", apiID, d.cfg.Region)
	return created{ref: apiID, attrs: map[string]any{"ApiId": apiID, "ApiEndpoint": endpoint}}
}

// resolveOutputs resolves the template's Outputs, rewriting the HTTP API's
// execute-api URL to the local API URL.
func (d *deployer) resolveOutputs() error {
	for name, o := range d.tpl.Outputs {
		if o.Condition != "" {
			ok, err := d.res.Condition(o.Condition)
			if err != nil {
				return fmt.Errorf("output %s: %w", name, err)
			}
			if !ok {
				continue
			}
		}
		v, err := d.res.Resolve(o.Value)
		if err != nil {
			return fmt.Errorf("output %s: %w", name, err)
		}
		if list, ok := v.([]any); ok {
			parts := make([]string, len(list))
			for i, e := range list {
				parts[i], _ = str(e)
			}
			v = strings.Join(parts, ",")
		}
		s, err := str(v)
		if err != nil {
			return fmt.Errorf("output %s: %w", name, err)
		}
		d.out.Outputs[name] = Output{Description: o.Description, Value: d.localURL(s)}
	}
	return nil
}

// localURL rewrites https://{apiId}.execute-api.{region}.amazonaws.com[/...]
// to the local API URL.
func (d *deployer) localURL(s string) string {
	if d.cfg.APIURL == "" {
		return s
	}
	for id := range d.apis {
		prefix := fmt.Sprintf("https://%s.execute-api.%s.amazonaws.com", id, d.cfg.Region)
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			return strings.TrimSuffix(d.cfg.APIURL, "/") + rest
		}
	}
	return s
}
