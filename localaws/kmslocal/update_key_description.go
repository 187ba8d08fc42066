package kmslocal

type updateKeyDescriptionInput struct {
	KeyID       string  `json:"KeyId"`
	Description *string `json:"Description"`
}

// updateKeyDescription replaces a key's description.
func (s *regional) updateKeyDescription(body []byte) (any, error) {
	var in updateKeyDescriptionInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	switch {
	case in.Description == nil:
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null")
	case len(*in.Description) > 8192:
		return nil, errorf(codeValidation, "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.changeableKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	k.description = *in.Description
	return emptyOutput{}, nil
}
