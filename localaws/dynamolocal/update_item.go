package dynamolocal

type updateItemInput struct {
	TableName                           string  `json:"TableName"`
	Key                                 Item    `json:"Key"`
	UpdateExpression                    *string `json:"UpdateExpression"`
	ConditionExpression                 *string `json:"ConditionExpression"`
	ReturnValues                        string  `json:"ReturnValues"`
	ReturnValuesOnConditionCheckFailure string  `json:"ReturnValuesOnConditionCheckFailure"`
	ReturnConsumedCapacity              string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

// updatePlan is a validated UpdateItem.
type updatePlan struct {
	table    string
	key      Item
	actions  []updateAction
	cond     condition
	onFailed string
}

func (s *regional) planUpdate(in updateItemInput) (updatePlan, error) {
	if err := in.legacyParams.refuse(); err != nil {
		return updatePlan{}, err
	}
	if in.Key == nil {
		return updatePlan{}, validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	if err := checkOnFailure(in.ReturnValuesOnConditionCheckFailure); err != nil {
		return updatePlan{}, err
	}
	plan := updatePlan{table: in.TableName, key: in.Key, onFailed: in.ReturnValuesOnConditionCheckFailure}
	if in.UpdateExpression == nil && in.ConditionExpression == nil {
		return plan, noExpressions(in.ExpressionAttributeNames, in.ExpressionAttributeValues, "UpdateExpression and ConditionExpression")
	}
	ctx, err := s.newExprContext(in.ExpressionAttributeNames, in.ExpressionAttributeValues)
	if err != nil {
		return plan, err
	}
	if in.UpdateExpression != nil {
		p, err := newParser(ctx, "UpdateExpression", *in.UpdateExpression)
		if err != nil {
			return plan, err
		}
		if plan.actions, err = p.parseUpdate(); err != nil {
			return plan, err
		}
	}
	if plan.cond, err = parseCondition(ctx, "ConditionExpression", in.ConditionExpression); err != nil {
		return plan, err
	}
	return plan, ctx.checkUnused()
}

// change computes the update, creating the item when it does not exist,
// without applying it; the caller holds s.mu for writing.
func (p updatePlan) change(s *regional) (change, error) {
	t, err := s.table(p.table)
	if err != nil {
		return change{}, err
	}
	if err := t.checkKey(p.key); err != nil {
		return change{}, err
	}
	for _, a := range p.actions {
		for _, k := range t.key.names() {
			if a.path[0].name == k {
				return change{}, invalidParam("Cannot update attribute %s. This attribute is part of the key", k)
			}
		}
	}
	k := encodedKey(t.key, p.key)
	old := t.items[k]
	if p.cond != nil && !evalCondition(old, p.cond) {
		return change{}, conditionFailed(old, p.onFailed)
	}
	if old == nil && onlyRemovals(p.actions) {
		// DynamoDB does not create an item just to remove attributes from it.
		return change{t: t, key: k}, nil
	}
	base := old
	if base == nil {
		base = copyItem(p.key)
	}
	updated, touched, err := applyUpdate(base, p.actions)
	if err != nil {
		return change{}, err
	}
	if err := checkSize(updated, true); err != nil {
		return change{}, err
	}
	if err := t.checkItemKeys(updated); err != nil {
		return change{}, err
	}
	return change{t: t, key: k, old: old, new: updated, touched: touched, write: true}, nil
}

func (s *regional) updateItem(body []byte) (any, error) {
	var in updateItemInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	switch in.ReturnValues {
	case "", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW":
	default:
		return nil, validation("1 validation error detected: Value '%s' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]", in.ReturnValues)
	}
	plan, err := s.planUpdate(in)
	if err != nil {
		return nil, err
	}
	ch, err := s.applyOne(plan)
	if err != nil {
		return nil, err
	}
	old, updated, touched := ch.old, ch.new, ch.touched
	out := writeOutput{ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, 1)}
	out.Attributes = returnedAttributes(in.ReturnValues, old, updated, touched)
	return out, nil
}

// returnedAttributes picks what ReturnValues asks for; the UPDATED_ modes
// return just the paths the update named, nested as in the item.
func returnedAttributes(mode string, old, updated Item, touched []docPath) Item {
	switch mode {
	case "ALL_OLD":
		return old
	case "ALL_NEW":
		return updated
	case "UPDATED_OLD":
		return project(old, touched)
	case "UPDATED_NEW":
		return project(updated, touched)
	}
	return nil
}

// onlyRemovals reports whether an update has actions and all of them are
// REMOVE or DELETE.
func onlyRemovals(actions []updateAction) bool {
	for _, a := range actions {
		if a.verb == "SET" || a.verb == "ADD" {
			return false
		}
	}
	return len(actions) > 0
}
