package kmslocal

import "strconv"

// rotationOnDemand is the RotationType of RotateKeyOnDemand's rotations;
// the local KMS does not rotate automatically, so never shows AUTOMATIC.
const rotationOnDemand = "ON_DEMAND"

type listKeyRotationsInput struct {
	listInput
	IncludeKeyMaterial string `json:"IncludeKeyMaterial"`
}

type rotationEntry struct {
	KeyID            string   `json:"KeyId"`
	KeyMaterialID    string   `json:"KeyMaterialId"`
	KeyMaterialState string   `json:"KeyMaterialState"`
	RotationDate     *float64 `json:"RotationDate,omitempty"`
	RotationType     string   `json:"RotationType,omitempty"`
}

type listKeyRotationsOutput struct {
	Rotations  []rotationEntry `json:"Rotations"`
	NextMarker string          `json:"NextMarker,omitempty"`
	Truncated  bool            `json:"Truncated"`
}

// listKeyRotations pages through a key's completed rotations, oldest first;
// with IncludeKeyMaterial=ALL_KEY_MATERIAL the key's first material leads.
// A marker is the position of the next entry.
func (s *regional) listKeyRotations(body []byte) (any, error) {
	var in listKeyRotationsInput
	limit, err := decodeList(body, &in)
	if err != nil {
		return nil, err
	}
	switch in.IncludeKeyMaterial {
	case "", "ROTATIONS_ONLY", "ALL_KEY_MATERIAL":
	default:
		return nil, enumError(in.IncludeKeyMaterial, "includeKeyMaterial", []string{"ALL_KEY_MATERIAL", "ROTATIONS_ONLY"})
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, err := s.lookupKey(in.KeyID)
	if err != nil {
		return nil, err
	}
	if k.spec != specSymmetric || k.origin == originExternal {
		return nil, errorf(codeUnsupported, "")
	}
	var all []rotationEntry
	if in.IncludeKeyMaterial == "ALL_KEY_MATERIAL" {
		all = append(all, rotationEntry{KeyID: k.id, KeyMaterialID: k.materials[0].id, KeyMaterialState: materialState(k, 0)})
	}
	for i, r := range k.rotations {
		date := epochSeconds(r.date)
		all = append(all, rotationEntry{KeyID: k.id, KeyMaterialID: r.materialID, KeyMaterialState: materialState(k, i+1), RotationDate: &date, RotationType: r.kind})
	}
	start := 0
	if in.Marker != "" {
		n, err := strconv.Atoi(in.Marker)
		if err != nil || n < 0 || n > len(all) {
			return nil, errorf(codeInvalidMarker, "Invalid marker")
		}
		start = n
	}
	end := min(start+limit, len(all))
	out := listKeyRotationsOutput{Rotations: append([]rotationEntry{}, all[start:end]...)}
	if end < len(all) {
		out.NextMarker, out.Truncated = strconv.Itoa(end), true
	}
	return out, nil
}

// materialState is CURRENT for the material that encrypts, NON_CURRENT for
// the others.
func materialState(k *key, gen int) string {
	if gen == len(k.materials)-1 {
		return "CURRENT"
	}
	return "NON_CURRENT"
}
