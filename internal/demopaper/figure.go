package demopaper

import "github.com/go-pdf/fpdf"

const (
	figureH   = 118.0 // chart height
	figYMax   = 30.0
	figXMax   = 24.0
	threshold = 13.0
)

// seriesLook is how one patient's line is drawn.
type seriesLook struct {
	r, g, b int
	dash    []float64
	marker  string // "circle", "square" or "triangle"
}

func looks() []seriesLook {
	return []seriesLook{
		{31, 78, 121, nil, "circle"},
		{190, 90, 30, []float64{3.2, 1.8}, "square"},
		{40, 130, 70, []float64{0.8, 1.6}, "triangle"},
	}
}

// figure draws the chart (vector graphics only, no text) with its caption
// below, in the current column; the truth gets the caption.
func (fl *flow) figure(fig figure) error {
	capLines, capTruth, err := fl.setText(fig.Caption, captionSpec())
	if err != nil {
		return err
	}
	height := figureH + 6 + float64(len(capLines))*captionSpec().leading
	if !fl.atFrameTop() {
		fl.y += floatGap
	}
	if fl.room() < height {
		fl.nextFrame()
	}
	fl.chart(fig, fl.colX(), fl.y)
	fl.y += figureH + 6
	fl.drawBlock(capLines, fl.colX(), captionSpec())
	fl.y += floatGap
	fl.truth = append(fl.truth, capTruth)
	return nil
}

func (fl *flow) chart(fig figure, x0, y0 float64) {
	f := fl.f
	left, right := x0+12, x0+colW-6
	top, bottom := y0+6, y0+figureH-10
	px := func(week float64) float64 { return left + (right-left)*week/figXMax }
	py := func(score float64) float64 { return bottom - (bottom-top)*score/figYMax }

	f.SetFillColor(246, 226, 220)
	f.Rect(left, py(figYMax), right-left, py(threshold)-py(figYMax), "F")
	f.SetDrawColor(200, 200, 200)
	f.SetLineWidth(0.3)
	for s := 10.0; s <= figYMax; s += 10 {
		f.Line(left, py(s), right, py(s))
	}
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.6)
	f.Line(left, top, left, bottom)
	f.Line(left, bottom, right, bottom)
	for w := 0.0; w <= figXMax; w += 4 {
		f.Line(px(w), bottom, px(w), bottom+3)
	}
	for s := 0.0; s <= figYMax; s += 10 {
		f.Line(left-3, py(s), left, py(s))
	}
	for i, series := range fig.Series {
		lk := looks()[i%len(looks())]
		f.SetDrawColor(lk.r, lk.g, lk.b)
		f.SetFillColor(lk.r, lk.g, lk.b)
		f.SetLineWidth(1)
		if lk.dash != nil {
			f.SetDashPattern(lk.dash, 0)
		}
		for j := 1; j < len(series); j++ {
			f.Line(px(fig.Weeks[j-1]), py(series[j-1]), px(fig.Weeks[j]), py(series[j]))
		}
		f.SetDashPattern(nil, 0)
		for j, v := range series {
			marker(f, lk.marker, px(fig.Weeks[j]), py(v))
		}
	}
	f.SetDrawColor(0, 0, 0)
	f.SetFillColor(255, 255, 255)
}

func marker(f *fpdf.Fpdf, kind string, x, y float64) {
	const r = 2.2
	switch kind {
	case "square":
		f.Rect(x-r, y-r, 2*r, 2*r, "F")
	case "triangle":
		f.Polygon([]fpdf.PointType{{X: x, Y: y - r*1.2}, {X: x + r*1.1, Y: y + r}, {X: x - r*1.1, Y: y + r}}, "F")
	default:
		f.Circle(x, y, r, "F")
	}
}
