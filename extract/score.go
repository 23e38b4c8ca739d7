package extract

func judge(st *Statement, heading bool) {
	st.Reasons = []string{}
	st.Type = "claim"
	if heading {
		st.Type = "heading"
	}
}
