package data

import (
	"bytes"

	"github.com/pelletier/go-toml/v2"
)

// parseStrict reads a whole catalog in the statuses.toml format, rejecting fields
// the data model does not have.
func parseStrict(b []byte) (*Catalog, error) {
	var doc document
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	keys := make([]entryKey, len(doc.Status))
	for i := range doc.Status {
		doc.Status[i].fillEmpty()
		st := &doc.Status[i]
		keys[i] = entryKey{st.Code, st.Official, st.Phrase, st.Category}
	}
	c := newCatalog(keys, nil, doc.Status)
	c.src = b
	return c, nil
}
