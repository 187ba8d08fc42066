package dynamolocal

type scanInput struct {
	TableName              string  `json:"TableName"`
	IndexName              *string `json:"IndexName"`
	FilterExpression       *string `json:"FilterExpression"`
	ProjectionExpression   *string `json:"ProjectionExpression"`
	Select                 string  `json:"Select"`
	Limit                  *int    `json:"Limit"`
	ExclusiveStartKey      Item    `json:"ExclusiveStartKey"`
	Segment                *int    `json:"Segment"`
	TotalSegments          *int    `json:"TotalSegments"`
	ConsistentRead         bool    `json:"ConsistentRead"`
	ReturnConsumedCapacity string  `json:"ReturnConsumedCapacity"`
	exprParams
	legacyParams
}

func checkSegments(segment, total *int) error {
	switch {
	case segment == nil && total == nil:
		return nil
	case segment == nil || total == nil:
		return validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
	case *total < 1 || *total > 1000000:
		return validation("1 validation error detected: Value '%d' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000", *total)
	case *segment < 0 || *segment >= *total:
		return validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: %d is not less than TotalSegments: %d", *segment, *total)
	}
	return nil
}

func (s *regional) scan(body []byte) (any, error) {
	var in scanInput
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
	if err := checkSegments(in.Segment, in.TotalSegments); err != nil {
		return nil, err
	}
	exprs, err := s.parseReadExprs(nil, in.FilterExpression, in.ProjectionExpression, in.exprParams)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	src, view, err := s.readView(in.TableName, in.IndexName, in.Select, in.ConsistentRead, exprs.paths)
	if err != nil {
		return nil, err
	}
	if in.ExclusiveStartKey != nil {
		if err := src.checkStartKey(in.ExclusiveStartKey); err != nil {
			return nil, err
		}
	}
	var keep func(Item) bool
	if in.TotalSegments != nil {
		keep = func(it Item) bool { return segmentOf(it[src.key().hash], *in.TotalSegments) == *in.Segment }
	}
	p := src.page(src.rows(keep), in.ExclusiveStartKey, true, limit, exprs.filter, view)
	return readResult(p, in.Select, in.ReturnConsumedCapacity, in.TableName), nil
}
