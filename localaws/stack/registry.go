package stack

import "sync"

// created is what the stack knows about one created resource: the value of
// Ref and the attributes Fn::GetAtt can read.
type created struct {
	typ   string
	ref   string
	attrs map[string]any
}

// registry holds the created resources and answers cfn.Lookup.
type registry struct {
	mu   sync.Mutex
	byID map[string]created
}

func newRegistry() *registry { return &registry{byID: map[string]created{}} }

func (r *registry) put(id string, c created) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byID[id] = c
}

func (r *registry) get(id string) (created, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.byID[id]
	return c, ok
}

// Ref implements cfn.Lookup.
func (r *registry) Ref(id string) (string, bool) {
	c, ok := r.get(id)
	return c.ref, ok
}

// GetAtt implements cfn.Lookup.
func (r *registry) GetAtt(id, attr string) (any, bool) {
	c, ok := r.get(id)
	if !ok {
		return nil, false
	}
	v, ok := c.attrs[attr]
	return v, ok
}
