-- Neovim 0.7 (Debian 12): the built-in client started by hand (nvim-lspconfig does the same).
vim.cmd('highlight NormalFloat ctermbg=237 ctermfg=230')
vim.cmd('highlight FloatBorder ctermbg=237 ctermfg=250')
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.wrap = true
vim.o.updatetime = 300
vim.diagnostic.config({ virtual_text = { prefix = '●' }, underline = true, signs = true, severity_sort = true, float = { border = 'single', source = 'always' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'text', 'markdown' },
  callback = function(args)
    local id = vim.lsp.start_client({
      name = 'planlint',
      cmd = { 'node', os.getenv('PLANLINT_BIN'), 'lsp', '--stdio' },
      root_dir = os.getenv('SHOT_DIR'),
      settings = { planlint = { run = 'onType' } },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
-- For the screenshot: once the findings are in, show the one on line 20 in a float.
local timer = vim.loop.new_timer()
timer:start(2000, 1000, vim.schedule_wrap(function()
  if #vim.diagnostic.get(0) == 0 then return end
  timer:stop()
  vim.api.nvim_win_set_cursor(0, { 17, 0 })
  vim.cmd('normal! zt')
  vim.api.nvim_win_set_cursor(0, { 20, 0 })
  vim.defer_fn(function() vim.diagnostic.open_float() end, 1500)
end))
