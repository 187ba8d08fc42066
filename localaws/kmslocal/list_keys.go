package kmslocal

import (
	"maps"
	"slices"
	"sort"
)

type listInput struct {
	Limit  *int   `json:"Limit"`
	Marker string `json:"Marker"`
	KeyID  string `json:"KeyId"`
}

// pageLimit validates the Limit member of a List* request.
func (in listInput) pageLimit() (int, error) {
	if in.Limit == nil {
		return 100, nil
	}
	if *in.Limit < 1 || *in.Limit > 1000 {
		return 0, errorf(codeValidation, "Limit must be between 1 and 1000")
	}
	return *in.Limit, nil
}

// decodeList decodes a List* request into in and returns its page size,
// so every list action refuses a bad body or Limit the same way.
func decodeList[T interface{ pageLimit() (int, error) }](body []byte, in T) (int, error) {
	if err := decode(body, in); err != nil {
		return 0, err
	}
	return in.pageLimit()
}

// page cuts the sorted names after marker into at most limit entries and
// reports the marker of the next page, empty on the last one. A marker is the
// last name of the previous page, so pages stay stable under deletions.
func page(names []string, marker string, limit int) ([]string, string) {
	start := 0
	if marker != "" {
		start = sort.Search(len(names), func(i int) bool { return names[i] > marker })
	}
	end := min(start+limit, len(names))
	next := ""
	if end < len(names) {
		next = names[end-1]
	}
	return names[start:end], next
}

// pageAfter cuts a listing kept in its own order (not sorted) after the
// entry whose name is marker into at most limit entries, and reports the
// name of the last entry returned when more follow, empty on the last page.
// found is false when a marker names no entry; the page then starts at the
// first. Names are never empty.
func pageAfter[T any](all []T, marker string, limit int, name func(T) string) (got []T, next string, found bool) {
	start := 0
	if marker != "" {
		start = slices.IndexFunc(all, func(e T) bool { return name(e) == marker }) + 1
	}
	end := min(start+limit, len(all))
	if end < len(all) {
		next = name(all[end-1])
	}
	return append([]T{}, all[start:end]...), next, marker == "" || start > 0
}

type keyListEntry struct {
	KeyArn string `json:"KeyArn"`
	KeyID  string `json:"KeyId"`
}

type listKeysOutput struct {
	Keys       []keyListEntry `json:"Keys"`
	NextMarker string         `json:"NextMarker,omitempty"`
	Truncated  bool           `json:"Truncated"`
}

func (s *regional) listKeys(body []byte) (any, error) {
	var in listInput
	limit, err := decodeList(body, &in)
	if err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	got, next := page(slices.Sorted(maps.Keys(s.keys)), in.Marker, limit)
	out := listKeysOutput{Keys: []keyListEntry{}, NextMarker: next, Truncated: next != ""}
	for _, id := range got {
		out.Keys = append(out.Keys, keyListEntry{KeyArn: s.keys[id].arn, KeyID: id})
	}
	return out, nil
}
