package dynamolocal

// project returns the parts of it that paths select, nested as in the
// item; list elements selected by index come back as a shorter list, in
// the order the paths name them. No paths means the whole item.
func project(it Item, paths []docPath) Item {
	if paths == nil || it == nil {
		return it
	}
	out := Item{}
	for _, p := range paths {
		v := resolve(it, p)
		if v == nil {
			continue
		}
		placeProjected(out, p, v)
	}
	return out
}

func placeProjected(out Item, p docPath, v *Value) {
	if len(p) == 1 {
		out[p[0].name] = v
		return
	}
	container := func(next pathElem) *Value {
		if next.isIndex {
			return &Value{kind: kindL, l: []*Value{}}
		}
		return &Value{kind: kindM, m: map[string]*Value{}}
	}
	cur, ok := out[p[0].name]
	if !ok {
		cur = container(p[1])
		out[p[0].name] = cur
	}
	for i := 1; i < len(p); i++ {
		e := p[i]
		last := i == len(p)-1
		var child *Value
		if last {
			child = v
		}
		if e.isIndex {
			if cur.kind != kindL {
				return
			}
			if !last {
				child = container(p[i+1])
			}
			cur.l = append(cur.l, child)
			cur = child
			continue
		}
		if cur.kind != kindM {
			return
		}
		if existing, ok := cur.m[e.name]; ok && !last {
			cur = existing
			continue
		}
		if !last {
			child = container(p[i+1])
		}
		cur.m[e.name] = child
		cur = child
	}
}
