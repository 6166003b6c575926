#!/bin/bash
# level: full
# The series survives the mailing list: `git send-email` mails the cover
# letter and patches, threaded, into an mbox (a sendmail that appends to a
# file), `b4 am -m` takes them back, and the result applies with git am
# and gives the same tree.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
command -v b4 >/dev/null || skip "b4 is not installed; run 'make deps'"
[ -x "$(git --exec-path)/git-send-email" ] || skip "git send-email is missing; run 'make deps'"
want=$(am_test_tree) || { echo "git am failed"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/sendmail" <<'EOS'
#!/bin/sh
# sendmail for git send-email: append the mail to $MBOX
{ printf 'From mboxrd@z Thu Jan  1 00:00:00 1970\n'; sed 's/^\(>*From \)/>\1/'; echo; } >>"$MBOX"
EOS
chmod +x "$tmp/sendmail"
mapfile -t files < <(echo "$TOP/patches/0000-cover-letter.patch"; series_patches)
MBOX=$tmp/series.mbox git -C "$TOP" -c sendemail.from="$(git -C "$BASE_TREE" config user.name) <$(git -C "$BASE_TREE" config user.email)>" \
	send-email --quiet --confirm=never --suppress-cc=all --thread --no-chain-reply-to \
	--to=linux-kernel@vger.kernel.org --sendmail-cmd="$tmp/sendmail" \
	"${files[@]}" >"$tmp/send.log" 2>&1 ||
	{ cat "$tmp/send.log"; echo "git send-email failed"; exit 1; }
mails=$(grep -c '^From mboxrd@z' "$tmp/series.mbox")
echo "mbox: $mails mails"

mkdir "$tmp/out"
(cd "$TEST_TREE" && b4 --offline-mode am -m "$tmp/series.mbox" -o "$tmp/out") >"$tmp/b4.log" 2>&1
rc=$?
cat "$tmp/b4.log"
[ $rc -eq 0 ] || { echo "b4 am failed"; exit 1; }
mbx=$(ls "$tmp"/out/*.mbx 2>/dev/null | head -1)
[ -n "$mbx" ] || { echo "b4 am wrote no .mbx"; exit 1; }
n=$(series_patches | wc -l)
grep -q "Total patches: $n\$" "$tmp/b4.log" || { echo "b4 did not find all $n patches"; exit 1; }

base=$(git -C "$BASE_TREE" rev-parse "$BASE_TAG")
grep -q "Base: using specified base-commit $base" "$tmp/b4.log" ||
	{ echo "b4 did not find the base-commit $base"; exit 1; }

test_tree_reset
git -C "$TEST_TREE" am -q "$mbx" || { git -C "$TEST_TREE" am --abort; echo "the b4 mbox does not apply"; exit 1; }
got=$(git -C "$TEST_TREE" rev-parse "HEAD^{tree}")
[ "$got" = "$want" ] || { echo "b4 round trip gives tree $got, git am $want"; exit 1; }
echo "b4 am: $n patches from $mails mails, tree $got == git am"
