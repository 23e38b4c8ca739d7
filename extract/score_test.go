package extract

import "testing"

func TestCheckworthiness(t *testing.T) {
	sts := Extract(article(t))
	tests := []struct {
		prefix    string
		checkable bool
		typ       string
		reason    string
	}{
		{"They fly at supersonic speed", true, "quantity", "measurement"},
		{"In 2024, the US and Russia traded goods", true, "quantity", "money figure"},
		{"Meanwhile, Kremlin aide Yuri Ushakov told journalists", true, "attribution", "attributed to a named source"},
		{"According to US defence information, Tomahawk missiles were developed in the 1970s.", true, "", "date"},
		{"So far, the US has launched more than 2,300 Tomahawks", true, "quantity", "statistic"},
		{"Moscow is about 800km (500 miles) from Kyiv.", true, "quantity", "measurement"},
		{"It is really not clear.", false, "opinion", ""},
		{"“I suspect both leaders", false, "opinion", ""},
		{"Next week, US officials led by Secretary of State Marco Rubio will hold", false, "prediction", ""},
		{"So, will the US agree to supply Tomahawks", false, "question", ""},
		{"What are Tomahawk missiles?", false, "heading", ""},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			s := find(t, sts, tc.prefix)
			if s.Checkable != tc.checkable {
				t.Errorf("checkable = %v (score %.2f), want %v", s.Checkable, s.Score, tc.checkable)
			}
			if tc.typ != "" && s.Type != tc.typ {
				t.Errorf("type = %s, want %s", s.Type, tc.typ)
			}
			if tc.reason != "" && !contains(s.Reasons, tc.reason) {
				t.Errorf("reasons = %v, want %q", s.Reasons, tc.reason)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
