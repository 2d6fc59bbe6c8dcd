-- Neovim's built-in LSP client on the Minutes language server, headless.
-- Run: nvim --headless -u NONE -i NONE -c 'luafile minutes.lua'
-- The plan comes as JSON in $MINUTES_NVIM_PLAN:
--   { cmd = {...}, root = "/site", out = "/result.json",
--     files = { { path = "/site/meetings/x.md", expect = "text of a diagnostic" }, ... },
--     hover = { path = "/site/meetings/y.md", line = 3, character = 2 } }
-- What Neovim received is written as JSON to plan.out; Neovim then quits.
local plan = vim.fn.json_decode(os.getenv('MINUTES_NVIM_PLAN'))
local result = { diagnostics = {}, hover = vim.NIL, errors = {} }

local function note(message)
  table.insert(result.errors, message)
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, plan.out)
  vim.cmd('qa!')
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'minutes',
    cmd = plan.cmd,
    root_dir = plan.root,
    workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = 'site' } },
    on_exit = function(code, signal)
      if code ~= 0 then note('the server exited with ' .. tostring(code) .. ' / signal ' .. tostring(signal)) end
    end,
  })
  if not client_id then
    note('vim.lsp.start_client failed')
    return
  end

  local function open(path)
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = 'markdown'
    vim.lsp.buf_attach_client(buf, client_id)
    return buf
  end

  for _, file in ipairs(plan.files) do
    local buf = open(file.path)
    local seen = vim.wait(60000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if string.find(d.message, file.expect, 1, true) then return true end
      end
      return false
    end, 50)
    if not seen then note('no diagnostic "' .. file.expect .. '" for ' .. file.path .. ' within 60 s') end
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, {
        lnum = d.lnum,
        col = d.col,
        end_col = d.end_col,
        severity = d.severity,
        message = d.message,
        source = d.source or vim.NIL,
        code = d.code or lsp.code or vim.NIL,
      })
    end
    result.diagnostics[file.path] = list
  end

  local buf = open(plan.hover.path)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = plan.hover.line, character = plan.hover.character },
  }
  local answers, err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 30000)
  if not answers then
    note('hover: ' .. tostring(err))
  else
    for _, answer in pairs(answers) do
      if answer.error then note('hover error: ' .. vim.inspect(answer.error)) end
      if answer.result then result.hover = answer.result end
    end
  end
  vim.lsp.stop_client(client_id)
end

local ok, failure = pcall(run)
if not ok then note('lua: ' .. tostring(failure)) end
finish()
