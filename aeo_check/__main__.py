from aeo_check.cli.launch import main

main()
