-- Neovim 0.7 (Debian bookworm) as a third-party LSP client of the govreport server, headless.
-- Opens DRAFT, waits for diagnostics, asks for the code actions of the diagnostic whose code is RULE, applies the
-- preferred one, waits for that diagnostic to clear, and writes what it saw as JSON to OUT for neovim.test.ts.
-- 0.7 has no vim.lsp.start (0.8), so: vim.lsp.start_client + vim.lsp.buf_attach_client.
local seen = { diagnostics_before = {}, actions = {}, diagnostics_after = {}, errors = {} }
local function finish()
  local file = io.open(os.getenv('OUT'), 'w')
  file:write(vim.fn.json_encode(seen))
  file:close()
  vim.cmd('qall!')
end
local function fail(message)
  table.insert(seen.errors, message)
  finish()
end

-- The LSP diagnostics as published (UTF-16 ranges): 0.7's vim.diagnostic keeps byte columns, and converting them back
-- for a code-action request would give wrong ranges on Chinese text.
local published = {}
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DRAFT')))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'
local client_id = vim.lsp.start_client({
  name = 'govreport',
  cmd = { 'node', os.getenv('SERVER'), '--stdio' },
  root_dir = vim.fn.fnamemodify(os.getenv('DRAFT'), ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client_id then return fail('vim.lsp.start_client failed') end
vim.lsp.buf_attach_client(buf, client_id)

local function with_rule()
  for _, d in ipairs(published) do
    if d.code == os.getenv('RULE') then return d end
  end
end
if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  return fail('no diagnostics within 15 s')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(seen.diagnostics_before, { line = d.lnum, message = d.message, code = d.code })
end
local target = with_rule()
if not target then return fail('no diagnostic with code ' .. os.getenv('RULE')) end

local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = target.range,
  context = { diagnostics = { target } },
}, 10000)
local chosen
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(seen.actions, { title = action.title, kind = action.kind, preferred = action.isPreferred == true })
    if action.isPreferred and not chosen then chosen = action end
  end
end
if not chosen then return fail('no preferred code action') end
if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16') end
if chosen.command then vim.lsp.buf.execute_command(chosen.command) end
seen.applied = chosen.title
seen.line_after = vim.api.nvim_buf_get_lines(buf, target.range.start.line, target.range.start.line + 1, false)[1]

if not vim.wait(15000, function() return with_rule() == nil end, 50) then
  table.insert(seen.errors, 'the diagnostic did not clear within 15 s')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(seen.diagnostics_after, { line = d.lnum, message = d.message, code = d.code })
end
vim.lsp.stop_client(client_id)
finish()
