package dynamolocal

type queryInput struct {
	TableName              string  `json:"TableName"`
	IndexName              *string `json:"IndexName"`
	KeyConditionExpression *string `json:"KeyConditionExpression"`
	FilterExpression       *string `json:"FilterExpression"`
	ProjectionExpression   *string `json:"ProjectionExpression"`
	Select                 string  `json:"Select"`
	Limit                  *int    `json:"Limit"`
	ExclusiveStartKey      Item    `json:"ExclusiveStartKey"`
	ScanIndexForward       *bool   `json:"ScanIndexForward"`
	ConsistentRead         bool    `json:"ConsistentRead"`
	ReturnConsumedCapacity string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

type readOutput struct {
	Items            []Item        `json:"Items,omitempty"`
	Count            int           `json:"Count"`
	ScannedCount     int           `json:"ScannedCount"`
	LastEvaluatedKey Item          `json:"LastEvaluatedKey,omitempty"`
	ConsumedCapacity *consumedWire `json:"ConsumedCapacity,omitempty"`
}

// readExprs are the parsed expressions of a Query or Scan.
type readExprs struct {
	key    condition
	filter condition
	paths  []docPath
}

func (s *regional) parseReadExprs(keyExpr, filter, projection *string, ep exprParams) (readExprs, error) {
	var r readExprs
	if keyExpr == nil && filter == nil && projection == nil {
		return r, noExpressions(ep.ExpressionAttributeNames, ep.ExpressionAttributeValues, "FilterExpression")
	}
	ctx, err := s.newExprContext(ep.ExpressionAttributeNames, ep.ExpressionAttributeValues)
	if err != nil {
		return r, err
	}
	if r.key, err = parseCondition(ctx, "KeyConditionExpression", keyExpr); err != nil {
		return r, err
	}
	if r.filter, err = parseCondition(ctx, "FilterExpression", filter); err != nil {
		return r, err
	}
	if r.paths, err = parseProjectionExpr(ctx, projection); err != nil {
		return r, err
	}
	return r, ctx.checkUnused()
}

func checkLimit(limit *int) (int, error) {
	if limit == nil {
		return 0, nil
	}
	if *limit < 1 {
		return 0, validation("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1", *limit)
	}
	return *limit, nil
}

func (s *regional) query(body []byte) (any, error) {
	var in queryInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := in.legacyParams.refuse(); err != nil {
		return nil, err
	}
	limit, err := checkLimit(in.Limit)
	if err != nil {
		return nil, err
	}
	if in.KeyConditionExpression == nil {
		return nil, validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
	}
	exprs, err := s.parseReadExprs(in.KeyConditionExpression, in.FilterExpression, in.ProjectionExpression, in.exprParams)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	src, view, err := s.readView(in.TableName, in.IndexName, in.Select, in.ConsistentRead, exprs.paths)
	if err != nil {
		return nil, err
	}
	kc, err := analyzeKeyCondition(exprs.key, src.key())
	if err != nil {
		return nil, err
	}
	if err := checkFilterKeys(exprs.filter, src.key()); err != nil {
		return nil, err
	}
	if in.ExclusiveStartKey != nil {
		if err := src.checkStartKey(in.ExclusiveStartKey); err != nil {
			return nil, err
		}
	}
	rows := src.rows(kc.matches)
	forward := in.ScanIndexForward == nil || *in.ScanIndexForward
	if !forward {
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
		}
	}
	p := src.page(rows, in.ExclusiveStartKey, forward, limit, exprs.filter, view)
	return readResult(p, in.Select, in.ReturnConsumedCapacity, in.TableName), nil
}

func readResult(p page, sel, capacity, table string) readOutput {
	out := readOutput{Items: p.items, Count: len(p.items), ScannedCount: p.scanned, LastEvaluatedKey: p.lastKey,
		ConsumedCapacity: consumed(capacity, table, float64(p.consumedSize/4096+1)/2)}
	if sel == "COUNT" {
		out.Items = nil
	} else if out.Items == nil {
		out.Items = []Item{}
	}
	return out
}

// selectView decides what each returned item holds, from Select, the
// ProjectionExpression and the index's projection.
func (src readSource) selectView(sel string, consistent bool, paths []docPath) (func(row) Item, error) {
	if src.ix != nil && src.ix.global && consistent {
		return nil, validation("Consistent reads are not supported on global secondary indexes")
	}
	switch sel {
	case "", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES":
	default:
		return nil, validation("1 validation error detected: Value '%s' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]", sel)
	}
	if paths != nil && sel != "" && sel != "SPECIFIC_ATTRIBUTES" {
		return nil, validation("Cannot specify the AttributesToGet or ProjectionExpression when choosing to get ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES or COUNT")
	}
	if sel == "SPECIFIC_ATTRIBUTES" && paths == nil {
		return nil, validation("ProjectionExpression must be specified when Select is SPECIFIC_ATTRIBUTES")
	}
	if sel == "ALL_PROJECTED_ATTRIBUTES" && src.ix == nil {
		return nil, validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
	}
	if sel == "ALL_ATTRIBUTES" && src.ix != nil && src.ix.global && src.ix.projection != "ALL" {
		return nil, invalidParam("Select type ALL_ATTRIBUTES is not supported for global secondary index %s because its projection type is not ALL", src.ix.name)
	}
	return func(r row) Item {
		// A local index fetches what it does not hold from the table.
		base := r.view
		if src.ix != nil && !src.ix.global && (sel == "ALL_ATTRIBUTES" || paths != nil) {
			base = r.item
		}
		return project(base, paths)
	}, nil
}
