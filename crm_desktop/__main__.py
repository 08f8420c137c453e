from crm_desktop.cli import main

main()
