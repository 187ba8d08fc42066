package dynamolocal

type getItemInput struct {
	TableName              string  `json:"TableName"`
	Key                    Item    `json:"Key"`
	ConsistentRead         bool    `json:"ConsistentRead"`
	ProjectionExpression   *string `json:"ProjectionExpression"`
	ReturnConsumedCapacity string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

type getItemOutput struct {
	Item             Item          `json:"Item,omitempty"`
	ConsumedCapacity *consumedWire `json:"ConsumedCapacity,omitempty"`
}

// getPlan is a validated read of one item.
type getPlan struct {
	table string
	key   Item
	paths []docPath
}

func (s *regional) planGet(table string, key Item, projection *string, ep exprParams) (getPlan, error) {
	if key == nil {
		return getPlan{}, validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null")
	}
	plan := getPlan{table: table, key: key}
	if projection == nil {
		return plan, noExpressions(ep.ExpressionAttributeNames, ep.ExpressionAttributeValues, "ProjectionExpression")
	}
	ctx, err := s.newExprContext(ep.ExpressionAttributeNames, ep.ExpressionAttributeValues)
	if err != nil {
		return plan, err
	}
	if plan.paths, err = parseProjectionExpr(ctx, projection); err != nil {
		return plan, err
	}
	return plan, ctx.checkUnused()
}

// run reads the item; the caller holds s.mu for reading. A missing item
// is nil.
func (p getPlan) run(s *regional) (Item, error) {
	t, err := s.table(p.table)
	if err != nil {
		return nil, err
	}
	if err := t.checkKey(p.key); err != nil {
		return nil, err
	}
	it := t.items[encodedKey(t.key, p.key)]
	if it == nil {
		return nil, nil
	}
	return project(it, p.paths), nil
}

func (s *regional) getItem(body []byte) (any, error) {
	var in getItemInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := in.legacyParams.refuse(); err != nil {
		return nil, err
	}
	plan, err := s.planGet(in.TableName, in.Key, in.ProjectionExpression, in.exprParams)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	it, err := plan.run(s)
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	return getItemOutput{Item: it, ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, 0.5)}, nil
}
