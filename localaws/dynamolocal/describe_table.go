package dynamolocal

import (
	"errors"
	"sort"
	"strings"
)

type tableNameInput struct {
	TableName string `json:"TableName"`
}

type describeTableOutput struct {
	Table tableDescriptionWire `json:"Table"`
}

func (s *regional) describeTable(body []byte) (any, error) {
	var in tableNameInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, err := s.describedTable(in.TableName)
	if err != nil {
		return nil, err
	}
	return describeTableOutput{Table: t.describe("ACTIVE")}, nil
}

func (s *regional) deleteTable(body []byte) (any, error) {
	var in tableNameInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.table(in.TableName)
	if err != nil {
		return nil, err
	}
	if t.deletion {
		return nil, validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.")
	}
	delete(s.tables, t.name)
	return tableDescriptionOutput{TableDescription: t.describe("DELETING")}, nil
}

type listTablesInput struct {
	ExclusiveStartTableName string `json:"ExclusiveStartTableName"`
	Limit                   *int   `json:"Limit"`
}

type listTablesOutput struct {
	TableNames             []string `json:"TableNames"`
	LastEvaluatedTableName string   `json:"LastEvaluatedTableName,omitempty"`
}

func (s *regional) listTables(body []byte) (any, error) {
	var in listTablesInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	limit := 100
	if in.Limit != nil {
		if *in.Limit < 1 || *in.Limit > 100 {
			return nil, validation("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100", *in.Limit)
		}
		limit = *in.Limit
	}
	s.mu.RLock()
	names := make([]string, 0, len(s.tables))
	for n := range s.tables {
		if n > in.ExclusiveStartTableName {
			names = append(names, n)
		}
	}
	s.mu.RUnlock()
	sort.Strings(names)
	out := listTablesOutput{TableNames: names}
	if len(names) > limit {
		out.TableNames = names[:limit]
		out.LastEvaluatedTableName = names[limit-1]
	}
	return out, nil
}

// describedTable is s.table for the table-level actions (DescribeTable,
// the TTL actions), whose not-found message names the table.
func (s *regional) describedTable(name string) (*table, error) {
	t, err := s.table(name)
	if err != nil && name != "" {
		var derr *Error
		if errors.As(err, &derr) && derr.Code == codeResourceNotFound {
			return nil, errorf(codeResourceNotFound, "Requested resource not found: Table: %s not found", tableNameOf(name))
		}
	}
	return t, err
}

// tableNameOf accepts a table name or a table ARN, as the API does.
func tableNameOf(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if _, name, ok := strings.Cut(s, ":table/"); ok {
			return name
		}
	}
	return s
}
