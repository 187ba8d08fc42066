package dynamolocal

import "sort"

// maxBatchWrites is DynamoDB's limit on the requests of one BatchWriteItem.
const maxBatchWrites = 25

type writeRequest struct {
	PutRequest *struct {
		Item Item `json:"Item"`
	} `json:"PutRequest,omitempty"`
	DeleteRequest *struct {
		Key Item `json:"Key"`
	} `json:"DeleteRequest,omitempty"`
}

type batchWriteInput struct {
	RequestItems           map[string][]writeRequest `json:"RequestItems"`
	ReturnConsumedCapacity string                    `json:"ReturnConsumedCapacity"`
}

type batchWriteOutput struct {
	UnprocessedItems map[string][]writeRequest `json:"UnprocessedItems"`
	ConsumedCapacity []consumedWire            `json:"ConsumedCapacity,omitempty"`
}

// changer is a validated write that can compute its change.
type changer interface {
	change(s *regional) (change, error)
}

func (s *regional) batchWriteItem(body []byte) (any, error) {
	var in batchWriteInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if len(in.RequestItems) == 0 {
		return nil, validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	total := 0
	tables := make([]string, 0, len(in.RequestItems))
	plans := map[string][]changer{}
	for table, reqs := range in.RequestItems {
		tables = append(tables, table)
		total += len(reqs)
		for _, r := range reqs {
			switch {
			case r.PutRequest != nil && r.DeleteRequest == nil:
				p, err := s.planPut(putItemInput{TableName: table, Item: r.PutRequest.Item})
				if err != nil {
					return nil, err
				}
				plans[table] = append(plans[table], p)
			case r.DeleteRequest != nil && r.PutRequest == nil:
				p, err := s.planDelete(deleteItemInput{TableName: table, Key: r.DeleteRequest.Key})
				if err != nil {
					return nil, err
				}
				plans[table] = append(plans[table], p)
			default:
				return nil, validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
			}
		}
	}
	if total > maxBatchWrites {
		return nil, validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")
	}
	sort.Strings(tables)
	s.mu.Lock()
	defer s.mu.Unlock()
	var changes []change
	seen := map[*table]map[string]bool{}
	for _, table := range tables {
		for _, p := range plans[table] {
			ch, err := p.change(s)
			if err != nil {
				return nil, err
			}
			if seen[ch.t] == nil {
				seen[ch.t] = map[string]bool{}
			}
			if seen[ch.t][ch.key] {
				return nil, validation("Provided list of item keys contains duplicates")
			}
			seen[ch.t][ch.key] = true
			changes = append(changes, ch)
		}
	}
	for _, ch := range changes {
		ch.apply()
	}
	out := batchWriteOutput{UnprocessedItems: map[string][]writeRequest{}}
	for _, table := range tables {
		if c := consumed(in.ReturnConsumedCapacity, table, float64(len(plans[table]))); c != nil {
			out.ConsumedCapacity = append(out.ConsumedCapacity, *c)
		}
	}
	return out, nil
}
