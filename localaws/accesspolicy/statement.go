package accesspolicy

import "encoding/json"

// Statement is the Allow statement AddPermission writes. As AWS renders
// the statements it writes, one principal or one action is a string and
// several are a list.
type Statement struct {
	Sid       string         `json:"Sid"`
	Effect    string         `json:"Effect"`
	Principal map[string]any `json:"Principal"`
	Action    any            `json:"Action"`
	Resource  string         `json:"Resource"`
}

// Grant returns the statement labelled sid that allows the AWS principals
// the actions on resource.
func Grant(sid string, principals, actions []string, resource string) Statement {
	return Statement{Sid: sid, Effect: "Allow", Principal: map[string]any{"AWS": oneOrMany(principals)},
		Action: oneOrMany(actions), Resource: resource}
}

// Marshal renders the statement as the raw JSON a policy document holds.
func (st Statement) Marshal() (json.RawMessage, error) {
	return json.Marshal(st)
}

// Sid returns the Sid of a statement kept as raw JSON; a statement
// without one, or one that is not an object, has none.
func Sid(raw json.RawMessage) string {
	var st struct{ Sid string }
	_ = json.Unmarshal(raw, &st) // no Sid: nothing to match
	return st.Sid
}

func oneOrMany(items []string) any {
	if len(items) == 1 {
		return items[0]
	}
	return items
}
