// Express (from npm) on 26092, with NODE_ENV=production as deployed.
const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('express: hello\n'));
app.get('/items', (req, res) => res.json(['apple', 'pear']));
app.get('/boom', () => { throw new Error('the handler failed'); });
app.get('/old', (req, res) => res.redirect('/items'));
app.get('/auth', (req, res) => {
  res.set('WWW-Authenticate', 'Bearer realm="express"');
  res.status(401).json({ error: 'token required' });
});
app.listen(26092, '127.0.0.1');
