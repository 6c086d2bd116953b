import RenderCLI
RenderCommand.main()
