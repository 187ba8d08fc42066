package dynamolocal

import "sort"

// maxBatchGetKeys is DynamoDB's limit on the keys of one BatchGetItem.
const maxBatchGetKeys = 100

type keysAndAttributes struct {
	Keys                 []Item  `json:"Keys"`
	ProjectionExpression *string `json:"ProjectionExpression"`
	ConsistentRead       bool    `json:"ConsistentRead"`
	exprParams
	legacyParams
}

type batchGetInput struct {
	RequestItems           map[string]keysAndAttributes `json:"RequestItems"`
	ReturnConsumedCapacity string                       `json:"ReturnConsumedCapacity"`
}

type batchGetOutput struct {
	Responses        map[string][]Item            `json:"Responses"`
	UnprocessedKeys  map[string]keysAndAttributes `json:"UnprocessedKeys"`
	ConsumedCapacity []consumedWire               `json:"ConsumedCapacity,omitempty"`
}

func (s *regional) batchGetItem(body []byte) (any, error) {
	var in batchGetInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if len(in.RequestItems) == 0 {
		return nil, validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	total := 0
	plans := map[string][]getPlan{}
	names := make([]string, 0, len(in.RequestItems))
	for table, ka := range in.RequestItems {
		names = append(names, table)
		if err := ka.legacyParams.refuse(); err != nil {
			return nil, err
		}
		if len(ka.Keys) == 0 {
			return nil, validation("1 validation error detected: Value '[]' at 'requestItems.%s.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1", table)
		}
		total += len(ka.Keys)
		for _, k := range ka.Keys {
			if err := checkItem(k); err != nil {
				return nil, err
			}
			plan, err := s.planGet(table, k, ka.ProjectionExpression, ka.exprParams)
			if err != nil {
				return nil, err
			}
			plans[table] = append(plans[table], plan)
		}
	}
	if total > maxBatchGetKeys {
		return nil, validation("Too many items requested for the BatchGetItem call")
	}
	sort.Strings(names)
	out := batchGetOutput{Responses: map[string][]Item{}, UnprocessedKeys: map[string]keysAndAttributes{}}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, table := range names {
		t, err := s.table(table)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		items := []Item{}
		for _, plan := range plans[table] {
			if err := t.checkKey(plan.key); err != nil {
				return nil, err
			}
			k := encodedKey(t.key, plan.key)
			if seen[k] {
				return nil, validation("Provided list of item keys contains duplicates")
			}
			seen[k] = true
			it, err := plan.run(s)
			if err != nil {
				return nil, err
			}
			if it != nil {
				items = append(items, it)
			}
		}
		out.Responses[table] = items
		if c := consumed(in.ReturnConsumedCapacity, table, float64(len(plans[table]))/2); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	return out, nil
}
