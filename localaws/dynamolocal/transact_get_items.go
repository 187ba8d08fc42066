package dynamolocal

// maxTransactItems is DynamoDB's limit on the actions of one transaction.
const maxTransactItems = 100

type transactGetInput struct {
	TransactItems []struct {
		Get *struct {
			TableName            string  `json:"TableName"`
			Key                  Item    `json:"Key"`
			ProjectionExpression *string `json:"ProjectionExpression"`
			exprParams
		} `json:"Get"`
	} `json:"TransactItems"`
}

type itemResponse struct {
	Item Item `json:"Item,omitempty"`
}

type transactGetOutput struct {
	Responses []itemResponse `json:"Responses"`
}

func (s *regional) transactGetItems(body []byte) (any, error) {
	var in transactGetInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if n := len(in.TransactItems); n == 0 || n > maxTransactItems {
		return nil, validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100, Member must have length greater than or equal to 1")
	}
	plans := make([]getPlan, len(in.TransactItems))
	for i, ti := range in.TransactItems {
		if ti.Get == nil {
			return nil, validation("1 validation error detected: Value null at 'transactItems.%d.member.get' failed to satisfy constraint: Member must not be null", i+1)
		}
		p, err := s.planGet(ti.Get.TableName, ti.Get.Key, ti.Get.ProjectionExpression, ti.Get.exprParams)
		if err != nil {
			return nil, err
		}
		plans[i] = p
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := transactGetOutput{Responses: make([]itemResponse, len(plans))}
	for i, p := range plans {
		it, err := p.run(s)
		if err != nil {
			return nil, err
		}
		out.Responses[i].Item = it
	}
	return out, nil
}
