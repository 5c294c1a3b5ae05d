import PBitCommands

PBitMain.main()
