from attriblint.cli import main

main()
