// The example dashboard's own code: it hands the secret to the element as
// a property (never an attribute) and listens for its verdicts.
const inspector = document.getElementById('inspector');
const log = document.getElementById('log');

document.getElementById('secret').addEventListener('input', (e) => {
  inspector.secret = e.target.value;
});
document.getElementById('decode-only').addEventListener('change', (e) => {
  inspector.mode = e.target.checked ? 'decode' : 'verify';
});
document.getElementById('tolerance').addEventListener('change', (e) => {
  inspector.clockTolerance = Number(e.target.value);
});
document.getElementById('profile').addEventListener('change', (e) => {
  inspector.profile = e.target.value;
});
document.getElementById('connector').addEventListener('change', (e) => {
  inspector.connector = e.target.value;
});
// The dashboard's own dark theme, which the element follows (theme="dark").
document.getElementById('theme').addEventListener('change', (e) => {
  document.body.classList.toggle('dark', e.target.value === 'dark');
  document.body.classList.toggle('light', e.target.value === 'light');
  inspector.theme = e.target.value;
});
inspector.addEventListener('oojwt-verdict', (e) => {
  const { verdict, codes } = e.detail;
  const item = document.createElement('li');
  item.dataset.verdict = verdict;
  item.textContent = codes.length > 0 ? `${verdict}: ${codes.join(', ')}` : verdict;
  log.prepend(item);
  while (log.children.length > 20) log.lastElementChild.remove();
});
