package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// putJSON stores v as JSON under key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	return b.Put(key, data)
}

// getJSON decodes the value under key into v; found is false when there is
// none. json.Unmarshal copies, so nothing of bbolt's memory is kept.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %s: %w", key, err)
	}
	return true, nil
}

// deflateJSON encodes v as JSON compressed with DEFLATE: extractions are
// 100 kB–1 MB of mostly text and shrink four- to sixfold.
func deflateJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// maxInflated bounds a decompressed value, so a damaged or hostile record
// cannot exhaust memory.
const maxInflated = 256 << 20

func inflateJSON(data []byte, v any) error {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	dec := json.NewDecoder(io.LimitReader(zr, maxInflated))
	return dec.Decode(v)
}
