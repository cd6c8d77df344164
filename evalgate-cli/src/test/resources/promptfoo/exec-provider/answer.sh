case "$1" in
  *France*) echo "Paris" ;;
  *) echo "I do not know" ;;
esac
