// antd's Select in a chunk of its own: loaded when a customer-list filter is first used
// (FilterSelect.tsx), not with the first screen.
export { Select } from 'antd';
