package dynamolocal

type deleteItemInput struct {
	TableName                           string  `json:"TableName"`
	Key                                 Item    `json:"Key"`
	ConditionExpression                 *string `json:"ConditionExpression"`
	ReturnValues                        string  `json:"ReturnValues"`
	ReturnValuesOnConditionCheckFailure string  `json:"ReturnValuesOnConditionCheckFailure"`
	ReturnConsumedCapacity              string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

// deletePlan is a validated DeleteItem.
type deletePlan struct {
	table    string
	key      Item
	cond     condition
	onFailed string
}

func (s *regional) planDelete(in deleteItemInput) (deletePlan, error) {
	if err := in.legacyParams.refuse(); err != nil {
		return deletePlan{}, err
	}
	if in.Key == nil {
		return deletePlan{}, validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if err := checkOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return deletePlan{}, err
	}
	plan := deletePlan{table: in.TableName, key: in.Key, onFailed: in.ReturnValuesOnConditionCheckFailure}
	var err error
	plan.cond, err = s.parseWriteCondition(in.ConditionExpression, in.exprParams)
	return plan, err
}

// change computes the delete without applying it; the caller holds s.mu
// for writing.
func (p deletePlan) change(s *regional) (change, error) {
	t, err := s.table(p.table)
	if err != nil {
		return change{}, err
	}
	if err := t.checkKey(p.key); err != nil {
		return change{}, err
	}
	k := encodedKey(t.key, p.key)
	old := t.items[k]
	if p.cond != nil && !evalCondition(old, p.cond) {
		return change{}, conditionFailed(old, p.onFailed)
	}
	return change{t: t, key: k, old: old, write: true}, nil
}

func (s *regional) deleteItem(body []byte) (any, error) {
	var in deleteItemInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	return s.writeReturningOld(in.ReturnValues, in.ReturnConsumedCapacity, in.TableName, func() (changer, error) {
		return s.planDelete(in)
	})
}
