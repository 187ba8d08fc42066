package dynamolocal

type putItemInput struct {
	TableName                           string  `json:"TableName"`
	Item                                Item    `json:"Item"`
	ConditionExpression                 *string `json:"ConditionExpression"`
	ReturnValues                        string  `json:"ReturnValues"`
	ReturnValuesOnConditionCheckFailure string  `json:"ReturnValuesOnConditionCheckFailure"`
	ReturnConsumedCapacity              string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

type writeOutput struct {
	Attributes       Item          `json:"Attributes,omitempty"`
	ConsumedCapacity *consumedWire `json:"ConsumedCapacity,omitempty"`
}

// putPlan is a validated PutItem, ready to run under the lock.
type putPlan struct {
	table    string
	item     Item
	cond     condition
	onFailed string
}

func (s *regional) planPut(in putItemInput) (putPlan, error) {
	if err := in.legacyParams.refuse(); err != nil {
		return putPlan{}, err
	}
	if in.Item == nil {
		return putPlan{}, validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null")
	}
	if err := checkItem(in.Item); err != nil {
		return putPlan{}, err
	}
	if err := checkOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return putPlan{}, err
	}
	if err := checkSize(in.Item, false); err != nil {
		return putPlan{}, err
	}
	plan := putPlan{table: in.TableName, item: in.Item, onFailed: in.ReturnValuesOnConditionCheckFailure}
	var err error
	plan.cond, err = s.parseWriteCondition(in.ConditionExpression, in.exprParams)
	return plan, err
}

// change computes the put against its table without applying it; the
// caller holds s.mu for writing.
func (p putPlan) change(s *regional) (change, error) {
	t, err := s.table(p.table)
	if err != nil {
		return change{}, err
	}
	if err := t.checkItemKeys(p.item); err != nil {
		return change{}, err
	}
	k := encodedKey(t.key, p.item)
	old := t.items[k]
	if p.cond != nil && !evalCondition(old, p.cond) {
		return change{}, conditionFailed(old, p.onFailed)
	}
	return change{t: t, key: k, old: old, new: copyItem(p.item), write: true}, nil
}

func (s *regional) putItem(body []byte) (any, error) {
	var in putItemInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	return s.writeReturningOld(in.ReturnValues, in.ReturnConsumedCapacity, in.TableName, func() (changer, error) {
		return s.planPut(in)
	})
}
