package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"

	bolt "go.etcd.io/bbolt"

	"appraise.app/appraise/internal/appraise"
)

// Every record value this package stores through putJSON, putDeflated or
// sealValue (schema 2 on) ends in a CRC-32C of what comes before it, and
// every read checks it: a changed byte in a stored note is an error naming
// the record (appraise.ErrRecordDamaged), never a different note. A bucket
// added later gets this by storing its values through these functions.
// The index buckets (paper_annotations, trash, search) hold what can be
// rebuilt from the records and carry no checksum; neither does meta,
// which must be readable before the schema is known.

// checksumLen is the length of the CRC-32C that ends a sealed value.
const checksumLen = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealValue appends the checksum of payload to it.
func sealValue(payload []byte) []byte {
	return binary.BigEndian.AppendUint32(payload, crc32.Checksum(payload, castagnoli))
}

// openValue checks a sealed value and returns its payload (a sub-slice of
// v), or appraise.ErrRecordDamaged naming key.
func openValue(key, v []byte) ([]byte, error) {
	if len(v) < checksumLen {
		return nil, fmt.Errorf("record %q: %w", key, appraise.ErrRecordDamaged)
	}
	payload, sum := v[:len(v)-checksumLen], v[len(v)-checksumLen:]
	if crc32.Checksum(payload, castagnoli) != binary.BigEndian.Uint32(sum) {
		return nil, fmt.Errorf("record %q: %w", key, appraise.ErrRecordDamaged)
	}
	return payload, nil
}

// putJSON stores v as sealed JSON under key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	return b.Put(key, sealValue(data))
}

// getJSON decodes the value under key into v; found is false when there is
// none. json.Unmarshal copies, so nothing of bbolt's memory is kept.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, decodeJSON(key, data, v)
}

// decodeJSON checks and decodes the sealed JSON value stored under key.
func decodeJSON(key, data []byte, v any) error {
	payload, err := openValue(key, data)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return fmt.Errorf("decode %q: %w (%v)", key, appraise.ErrRecordDamaged, err)
	}
	return nil
}

// deflateJSON encodes v as sealed JSON compressed with DEFLATE:
// extractions are 100 kB–1 MB of mostly text and shrink four- to sixfold.
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
	return sealValue(buf.Bytes()), nil
}

// maxInflated bounds a decompressed value, so a damaged or hostile record
// cannot exhaust memory.
const maxInflated = 256 << 20

// inflateJSON checks and decodes a value made by deflateJSON.
func inflateJSON(key, data []byte, v any) error {
	payload, err := openValue(key, data)
	if err != nil {
		return err
	}
	zr := flate.NewReader(bytes.NewReader(payload))
	defer zr.Close()
	dec := json.NewDecoder(io.LimitReader(zr, maxInflated))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode %q: %w (%v)", key, appraise.ErrRecordDamaged, err)
	}
	return nil
}
